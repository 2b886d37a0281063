package org.emajshell.cli;

import org.emajshell.connect.ConnectionFailure;
import org.emajshell.connect.ConnectionRequest;
import org.emajshell.connect.Conninfo;
import org.emajshell.connect.Connector;
import org.emajshell.connect.SettingsResolver;
import org.emajshell.embedded.DemoDatabase;
import org.emajshell.emaj.EmajError;
import org.emajshell.extension.EmbeddedServer;
import org.emajshell.exec.Confirmer;
import org.emajshell.exec.Executor;
import org.emajshell.exec.Session;
import org.emajshell.render.BorderStyle;
import org.emajshell.render.Printer;
import org.emajshell.repl.Repl;
import org.emajshell.script.Batch;
import org.emajshell.script.CommandRunner;
import org.emajshell.script.ConfigFile;
import org.emajshell.script.ExitCode;
import org.emajshell.script.Source;
import org.emajshell.script.Variables;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point: parse options, connect (or start the demo server), run the start-up file, then
 * the scripts or the REPL.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Options options = new Options();
        CommandLine cli = new CommandLine(options);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Map<String, String> assignments;
        try {
            cli.parseArgs(args);
            assignments = options.variableAssignments();
            if (options.askPassword && options.noPassword) {
                throw new CommandLine.ParameterException(cli, "-W (--password) and -w (--no-password) contradict each other");
            }
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            err.println("emaj-shell: " + Conninfo.redact(e.getMessage())); // picocli quotes the arguments it refuses
            err.println("Try \"emaj-shell --help\" for more information.");
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
                err.println("Starting the demo server (a local PostgreSQL with the emaj extension)...");
                demo = DemoDatabase.start();
            }
            return runConnected(options, assignments, demo, err).code();
        } catch (SQLException | EmajError e) {
            err.println("emaj-shell: error: " + e.getMessage());
            return ExitCode.FATAL.code();
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    private static ExitCode runConnected(Options options, Map<String, String> assignments, DemoDatabase demo,
                                         PrintWriter err) throws EmajError {
        Connector.PasswordMode mode = options.askPassword ? Connector.PasswordMode.ALWAYS
            : options.noPassword ? Connector.PasswordMode.NEVER : Connector.PasswordMode.IF_NEEDED;
        Connector connector = new Connector(SettingsResolver.fromSystem(err::println), mode, Connector.PasswordPrompt.console());
        Connection connection;
        try {
            connection = connector.open(demo != null ? demoRequest(demo) : request(options));
        } catch (ConnectionFailure e) {
            err.println("emaj-shell: error: " + e.getMessage() + (e.hint() == null ? "" : "\n  " + e.hint()));
            return e.kind() == ConnectionFailure.Kind.SETTINGS ? ExitCode.FATAL : ExitCode.CONNECTION_LOST;
        }
        boolean interactive = options.actions.isEmpty() && System.console() != null;
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        Printer printer = new Printer(out, err, false, BorderStyle.UNICODE);
        try (Session session = new Session(connection)) {
            session.setConnector(connector);
            session.variables().putAll(connector.current().variables());
            assignments.forEach((name, value) -> {
                if (value == null) {
                    session.variables().remove(name);
                } else {
                    session.variables().put(name, value);
                }
            });
            if (demo != null) {
                session.useGroup(DemoDatabase.GROUP);
            }
            Executor executor = new Executor(session, Confirmer.ALWAYS);
            if (!options.noConfig) {
                Optional<ExitCode> stop = runConfigFile(session, executor, printer);
                if (stop.isPresent()) {
                    printer.finish();
                    return stop.get();
                }
            }
            if (options.format != null) {
                printer.setFormat(options.format);
            }
            if (interactive) {
                printer.finish();
                String confirm = session.variables().get(Variables.CONFIRM);
                boolean assumeYes = options.yes || (confirm != null && !Variables.isOn(confirm));
                return new Repl(session, assumeYes, demo == null ? null : demo.banner()).withDisplay(printer).run();
            }
            CommandRunner runner = new CommandRunner(session, executor, printer, !options.continueOnError)
                .echo(options.echo ? err : null)
                .quiet(options.quiet);
            ExitCode code = new Batch(runner, session, printer, System.in).run(actions(options), options.singleTransaction);
            printer.finish();
            return code;
        } finally {
            out.flush();
        }
    }

    private static ConnectionRequest request(Options options) {
        String positional = options.positionalDatabase;
        String connectionString = positional != null && (positional.contains("=") || positional.contains("://"))
            ? positional : null;
        String database = options.database != null ? options.database : connectionString == null ? positional : null;
        return new ConnectionRequest(options.host, options.port,
            options.user != null ? options.user : options.positionalUser, database, connectionString);
    }

    private static ConnectionRequest demoRequest(DemoDatabase demo) {
        return new ConnectionRequest("localhost", String.valueOf(demo.port()), EmbeddedServer.SUPERUSER, DemoDatabase.DATABASE, null);
    }

    private static List<Batch.Action> actions(Options options) {
        List<Batch.Action> actions = new ArrayList<>();
        for (Options.Action a : options.actions) {
            actions.add(a.command != null ? new Batch.Action.Commands(a.command) : new Batch.Action.File(a.file));
        }
        if (actions.isEmpty()) {
            actions.add(new Batch.Action.StandardInput());
        }
        return actions;
    }

    /**
     * Runs the start-up file. Its errors are reported and do not stop anything, as with psql's
     * .psqlrc; \q in it ends the run.
     */
    private static Optional<ExitCode> runConfigFile(Session session, Executor executor, Printer printer) {
        String home = System.getenv("HOME");
        Path homeDir = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
        Optional<Path> file = ConfigFile.locate(System::getenv, homeDir);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            printer.warning("WARNING: cannot read the start-up file " + file.get() + ": " + e.getMessage());
            return Optional.empty();
        }
        String onErrorStop = session.variables().remove(Variables.ON_ERROR_STOP);
        CommandRunner.Status status;
        try {
            status = new CommandRunner(session, executor, printer, false).run(text, Source.file(file.get()));
        } finally {
            if (onErrorStop != null) {
                session.variables().putIfAbsent(Variables.ON_ERROR_STOP, onErrorStop);
            }
        }
        if (status instanceof CommandRunner.Status.Stop stop && stop.exitCode() != ExitCode.SCRIPT_ERROR) {
            return Optional.of(stop.exitCode());
        }
        return Optional.empty();
    }
}
