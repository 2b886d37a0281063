package org.emajshell.cli;

import org.emajshell.connect.ConnectionRequest;
import org.emajshell.connect.ConnectionSettings;
import org.emajshell.connect.SettingsResolver;
import org.emajshell.embedded.DemoDatabase;
import org.emajshell.emaj.EmajError;
import org.emajshell.exec.Confirmer;
import org.emajshell.exec.Executor;
import org.emajshell.exec.Session;
import org.emajshell.render.BorderStyle;
import org.emajshell.render.Printer;
import org.emajshell.repl.Repl;
import org.emajshell.script.CommandRunner;
import org.emajshell.script.ExitCode;
import org.emajshell.script.Source;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Entry point: parse options, connect (or start the demo server), then run scripts or the REPL. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Options options = new Options();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("emaj-shell: " + e.getMessage());
            System.err.println("Try \"emaj-shell --help\" for more information.");
            return ExitCode.FATAL.code();
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return ExitCode.OK.code();
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(System.out);
            return ExitCode.OK.code();
        }
        DemoDatabase demo = null;
        try {
            if (options.demo) {
                System.err.println("Starting the demo server (a local PostgreSQL with the emaj extension)...");
                demo = DemoDatabase.start();
            }
            return runConnected(options, demo);
        } catch (SQLException | EmajError e) {
            System.err.println("emaj-shell: error: " + e.getMessage());
            return ExitCode.FATAL.code();
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    private static int runConnected(Options options, DemoDatabase demo) throws EmajError {
        Connection connection;
        try {
            connection = demo != null ? DriverManager.getConnection(demo.jdbcUrl()) : connect(options);
        } catch (IllegalArgumentException e) {
            System.err.println("emaj-shell: error: " + e.getMessage());
            return ExitCode.FATAL.code();
        } catch (SQLException e) {
            System.err.println("emaj-shell: error: could not connect: " + e.getMessage());
            return ExitCode.CONNECTION_LOST.code();
        }
        boolean interactive = options.actions.isEmpty() && System.console() != null;
        try (Session session = new Session(connection)) {
            if (demo != null) {
                session.useGroup(DemoDatabase.GROUP);
            }
            if (interactive) {
                return new Repl(session, options.yes, demo == null ? null : demo.banner()).run().code();
            }
            return runScripts(options, session).code();
        }
    }

    private static Connection connect(Options options) throws SQLException {
        String connectionString = options.positionalDatabase != null
            && (options.positionalDatabase.contains("=") || options.positionalDatabase.contains("://"))
            ? options.positionalDatabase : null;
        String database = options.database != null ? options.database
            : connectionString == null ? options.positionalDatabase : null;
        ConnectionRequest request = new ConnectionRequest(options.host, options.port,
            options.user != null ? options.user : options.positionalUser, database, connectionString);
        ConnectionSettings settings = SettingsResolver.fromSystem().resolve(request);
        return DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcProperties());
    }

    private static ExitCode runScripts(Options options, Session session) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Printer printer = new Printer(out, err, false, BorderStyle.UNICODE);
        Executor executor = new Executor(session, Confirmer.ALWAYS);
        CommandRunner runner = new CommandRunner(session, executor, printer, !options.continueOnError);
        boolean hadError = false;
        if (options.actions.isEmpty()) {
            try {
                String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                return exitOf(runner.run(text, Source.standardInput()), false);
            } catch (IOException e) {
                printer.error("ERROR: cannot read the standard input: " + e.getMessage());
                return ExitCode.FATAL;
            }
        }
        for (Options.Action action : options.actions) {
            CommandRunner.Status status;
            if (action.command != null) {
                status = runner.run(action.command, Source.commandLine());
            } else {
                String text;
                try {
                    text = Files.readString(action.file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    printer.error("emaj-shell: error: cannot read " + action.file + ": " + e.getMessage());
                    return ExitCode.FATAL;
                }
                status = runner.run(text, Source.file(action.file));
            }
            if (status instanceof CommandRunner.Status.Stop stop) {
                return stop.exitCode();
            }
            hadError |= ((CommandRunner.Status.Continue) status).hadError();
        }
        return hadError ? ExitCode.SCRIPT_ERROR : ExitCode.OK;
    }

    private static ExitCode exitOf(CommandRunner.Status status, boolean hadError) {
        if (status instanceof CommandRunner.Status.Stop stop) {
            return stop.exitCode();
        }
        return hadError || ((CommandRunner.Status.Continue) status).hadError() ? ExitCode.SCRIPT_ERROR : ExitCode.OK;
    }
}
