package org.emajshell.repl;

import org.emajshell.cli.Version;
import org.emajshell.exec.Confirmer;
import org.emajshell.exec.Executor;
import org.emajshell.exec.Session;
import org.emajshell.render.BorderStyle;
import org.emajshell.render.Printer;
import org.emajshell.script.CommandRunner;
import org.emajshell.script.ExitCode;
import org.emajshell.script.Source;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The interactive loop: read a complete command with JLine, run it, print the result. Ctrl-C
 * at the prompt clears the line; while a command runs it cancels it on the server. Ctrl-D quits.
 */
public final class Repl {

    private final Session session;
    private final boolean assumeYes;
    private final String extraBanner;

    public Repl(Session session, boolean assumeYes, String extraBanner) {
        this.session = session;
        this.assumeYes = assumeYes;
        this.extraBanner = extraBanner;
    }

    public ExitCode run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return run(terminal, HistoryFile.locate(System.getenv(), Path.of(System.getProperty("user.home"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the loop on any terminal (tests use one over streams). */
    public ExitCode run(Terminal terminal, Path historyFile) {
        LineReader reader = LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("emaj-shell")
            .parser(new BufferParser())
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P")
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
        PrintWriter out = terminal.writer();
        boolean colors = System.getenv("NO_COLOR") == null && !Terminal.TYPE_DUMB.equals(terminal.getType());
        boolean unicode = terminal.encoding() != null && terminal.encoding().name().toUpperCase(Locale.ROOT).contains("UTF");
        Printer printer = new Printer(out, out, colors, unicode ? BorderStyle.UNICODE : BorderStyle.ASCII);
        // Questions get their own reader: the command reader would take "y" for an unfinished command.
        LineReader questions = LineReaderBuilder.builder().terminal(terminal).appName("emaj-shell").build();
        Confirmer confirmer = assumeYes ? Confirmer.ALWAYS : new TerminalConfirmer(questions, out);
        CommandRunner runner = new CommandRunner(session, new Executor(session, confirmer), printer, false);
        banner(out);
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> cancelRunningCommand());
        try {
            while (true) {
                String group = session.currentGroup().orElse(null);
                String database = session.info().database();
                reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN,
                    Prompt.continuation(database, group, session.transactionState()));
                String line;
                try {
                    line = reader.readLine(Prompt.primary(database, group, session.transactionState()));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    out.println();
                    return ExitCode.OK;
                }
                if (line.isBlank()) {
                    continue;
                }
                CommandRunner.Status status = runner.run(line, new Source("<repl>", Path.of("").toAbsolutePath()));
                if (status instanceof CommandRunner.Status.Stop stop) {
                    return stop.exitCode();
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (IOException ignored) {
                // an unwritable history file must not turn a clean exit into an error
            }
        }
    }

    private void banner(PrintWriter out) {
        out.println("emaj-shell " + Version.shell() + " — " + session.info().describeEmaj() + " on PostgreSQL "
            + session.info().serverVersion() + ", database \"" + session.info().database() + "\"");
        if (extraBanner != null) {
            out.println(extraBanner);
        }
        if (!session.info().installed()) {
            out.println("E-Maj is not installed in this database: INSTALL EMAJ installs emaj-shell's own extension.");
        }
        out.println("Type HELP for commands, \\q to quit.");
        out.println();
        out.flush();
    }

    private void cancelRunningCommand() {
        try {
            session.connection().unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException ignored) {
            // nothing is running, or the server is gone: the next command will tell
        }
    }
}
