package org.emajshell.repl;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.emajshell.cli.Version;
import org.emajshell.connect.ConnectionSettings;
import org.emajshell.connect.Connector;
import org.emajshell.connect.Conninfo;
import org.emajshell.emaj.CatalogNames;
import org.emajshell.exec.Confirmer;
import org.emajshell.exec.Executor;
import org.emajshell.exec.Session;
import org.emajshell.exec.SideConnections;
import org.emajshell.parse.Statement;
import org.emajshell.parse.StatementSplitter;
import org.emajshell.parse.antlr.EmajShellLexer;
import org.emajshell.render.BorderStyle;
import org.emajshell.render.ColorMode;
import org.emajshell.render.DisplaySettings;
import org.emajshell.render.Printer;
import org.emajshell.script.CommandRunner;
import org.emajshell.script.ExitCode;
import org.emajshell.script.Source;
import org.emajshell.script.Variables;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.postgresql.PGConnection;
import org.postgresql.core.TransactionState;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The interactive loop: read a complete command with JLine (grammar-driven completion and
 * highlighting, multi-line buffers, persistent history, Ctrl-R), run it, print the result.
 * Ctrl-C at the prompt clears the line; while a command runs it cancels it on the server and the
 * shell stays. Ctrl-D quits. {@code \watch [seconds]} repeats the previous command until Ctrl-C.
 */
public final class Repl {

    /**
     * Statements whose first word cannot change the names completion offers: reads, and writes of
     * rows (DELETE MARK aside; a SELECT that calls an E-Maj function does change them).
     */
    private static final Set<Integer> NAMES_UNCHANGED = Set.of(EmajShellLexer.SELECT, EmajShellLexer.SHOW,
        EmajShellLexer.VALUES, EmajShellLexer.TABLE, EmajShellLexer.EXPLAIN, EmajShellLexer.HELP,
        EmajShellLexer.ESTIMATE, EmajShellLexer.VERIFY, EmajShellLexer.USE, EmajShellLexer.GENERATE,
        EmajShellLexer.INSERT, EmajShellLexer.UPDATE, EmajShellLexer.DELETE, EmajShellLexer.MERGE,
        EmajShellLexer.COPY, EmajShellLexer.TRUNCATE, EmajShellLexer.FETCH, EmajShellLexer.LISTEN,
        EmajShellLexer.NOTIFY, EmajShellLexer.UNLISTEN, EmajShellLexer.SET);
    private static final Set<String> CATALOG_META = Set.of("c", "connect", "i", "ir", "include", "include_relative");
    private static final DateTimeFormatter WATCH_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", Locale.ROOT);
    private static final StatementSplitter SPLITTER = new StatementSplitter();

    private final Session session;
    private final boolean assumeYes;
    private final String extraBanner;
    private Printer configured;
    private Connection catalogConnection;

    private final Object watchLock = new Object();
    private volatile boolean watching;
    private volatile boolean watchStopped;

    public Repl(Session session, boolean assumeYes, String extraBanner) {
        this.session = session;
        this.assumeYes = assumeYes;
        this.extraBanner = extraBanner;
    }

    /** Starts with these display options (\pset, \x, \timing set by the start-up file). */
    public Repl withDisplay(Printer configured) {
        this.configured = configured;
        return this;
    }

    public ExitCode run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return run(terminal, HistoryFile.locate(System.getenv(), Path.of(System.getProperty("user.home"))),
                pagerCommand(System.getenv()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the loop on any terminal (tests use one over streams), without a pager. */
    public ExitCode run(Terminal terminal, Path historyFile) {
        return run(terminal, historyFile, null);
    }

    ExitCode run(Terminal terminal, Path historyFile, String pager) {
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        boolean colors = System.getenv("NO_COLOR") == null && !dumb;
        ShellHighlighter highlighter = new ShellHighlighter();
        CatalogNames names = new CatalogNames(this::catalogConnection);
        ShellCompleter completer = new ShellCompleter(names, () -> session.currentGroup().orElse(null),
            () -> Path.of("").toAbsolutePath());
        LineReader reader = LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("emaj-shell")
            .parser(new BufferParser(completer))
            .completer(completer)
            // asked at each key, so that \set COLOR counts at once
            .highlighter((lineReader, buffer) -> ColorMode.of(session.variables().get(Variables.COLOR)).colors(colors)
                ? highlighter.highlight(lineReader, buffer) : new AttributedString(buffer))
            .history(new FilteredHistory())
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P")
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.CASE_INSENSITIVE, true)
            .option(LineReader.Option.AUTO_GROUP, true)
            .option(LineReader.Option.GROUP, true)
            .build();
        PrintWriter out = terminal.writer();
        boolean unicode = terminal.encoding() != null && terminal.encoding().name().toUpperCase(Locale.ROOT).contains("UTF");
        Printer printer = new Printer(out, out, colors, unicode ? BorderStyle.UNICODE : BorderStyle.ASCII);
        if (configured != null) {
            printer.setFormat(configured.format());
            printer.settings().copyFrom(configured.settings());
        }
        if (!dumb) {
            printer.attachTerminal(terminal, pager);
        }
        // Questions get their own reader: the command reader would take "y" for an unfinished command.
        LineReader questions = LineReaderBuilder.builder().terminal(terminal).appName("emaj-shell").build();
        Confirmer confirmer = assumeYes ? Confirmer.ALWAYS : new TerminalConfirmer(questions, out);
        CommandRunner runner = new CommandRunner(session, new Executor(session, confirmer), printer, false);
        banner(out);
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> interrupt());
        String lastCommand = null;
        Source source = new Source("<repl>", Path.of("").toAbsolutePath());
        try {
            while (true) {
                String line;
                try {
                    reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, prompt(true));
                    line = reader.readLine(prompt(false));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    out.println();
                    return ExitCode.OK;
                }
                if (line.isBlank()) {
                    continue;
                }
                List<Statement> statements = SPLITTER.split(line);
                Statement last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
                CommandRunner.Status status;
                if (last != null && isWatch(last)) {
                    String before = commands(statements.subList(0, statements.size() - 1));
                    String command = before != null ? before : lastCommand;
                    if (command == null) {
                        printer.error("ERROR: \\watch cannot be used with an empty query buffer\n"
                            + "  type a command first, then \\watch [seconds] repeats it");
                        continue;
                    }
                    lastCommand = command;
                    status = watch(command, last, runner, printer, out, source, names);
                } else {
                    status = runner.run(line, source);
                    String command = commands(statements);
                    if (command != null) {
                        lastCommand = command;
                    }
                    if (mayChangeCatalog(statements)) {
                        names.invalidate();
                    }
                }
                printer.finish();
                if (status instanceof CommandRunner.Status.Stop stop) {
                    return stop.exitCode();
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            closeCatalogConnection();
            try {
                reader.getHistory().save();
            } catch (IOException ignored) {
                // an unwritable history file must not turn a clean exit into an error
            }
        }
    }

    // ------------------------------------------------------------------------------ prompt

    private String prompt(boolean continuation) {
        Map<String, String> vars = session.variables();
        String pattern = vars.getOrDefault(continuation ? "PROMPT2" : "PROMPT1",
            continuation ? Prompt.DEFAULT_CONTINUATION : Prompt.DEFAULT_PRIMARY);
        String user = null;
        String host = null;
        String port = null;
        boolean superuser = false;
        if (pattern.contains("%n") || pattern.contains("%M") || pattern.contains("%>") || pattern.contains("%#")) {
            try {
                user = session.connection().getMetaData().getUserName();
                ConnectionSettings current = session.connector().map(Connector::current).orElse(null);
                if (current != null) {
                    // the host reached, which the URL cannot say when it lists several
                    host = current.isUnixSocket() ? null : current.host();
                    port = String.valueOf(current.port());
                } else {
                    java.net.URI uri = java.net.URI.create(session.connection().getMetaData().getURL().replaceFirst("^jdbc:", ""));
                    host = uri.getHost();
                    port = uri.getPort() < 0 ? "5432" : String.valueOf(uri.getPort());
                }
                superuser = "on".equals(session.connection().unwrap(org.postgresql.PGConnection.class)
                    .getParameterStatus("is_superuser"));
            } catch (SQLException | IllegalArgumentException e) {
                // the prompt shows less
            }
        }
        return Prompt.render(pattern, new Prompt.State(session.info().database(), session.currentGroup().orElse(null),
            session.transactionState(), user, host, port, superuser), continuation);
    }

    // ------------------------------------------------------------------------------ \watch

    private static boolean isWatch(Statement s) {
        if (!s.isMetaCommand()) {
            return false;
        }
        String name = s.text().substring(1).split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return name.equals("watch");
    }

    /** The non-meta statements of a buffer, as one text to run again, or null when there is none. */
    private static String commands(List<Statement> statements) {
        List<String> texts = new ArrayList<>();
        for (Statement s : statements) {
            if (!s.isMetaCommand()) {
                texts.add(s.text().strip().endsWith(";") ? s.text().strip() : s.text().strip() + ";");
            }
        }
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    /**
     * Runs {@code command} every few seconds (2 by default, as psql) under a heading with the time,
     * until Ctrl-C or an error.
     */
    private CommandRunner.Status watch(String command, Statement watchStatement, CommandRunner runner, Printer printer,
                                       PrintWriter out, Source source, CatalogNames names) {
        String[] parts = watchStatement.text().strip().split("\\s+");
        double seconds = 2;
        if (parts.length > 1) {
            String arg = parts[1].replaceFirst("^(?i)i(nterval)?=", "");
            try {
                seconds = Double.parseDouble(arg);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (!(seconds > 0) || seconds > 86_400) {
                printer.error("ERROR: \\watch: invalid interval \"" + parts[1] + "\"\n  give a number of seconds, e.g. \\watch 5");
                return new CommandRunner.Status.Continue(true);
            }
        }
        String oneLine = Conninfo.redact(command.replaceAll("\\s+", " ")); // the heading must not show a password
        watchStopped = false;
        watching = true;
        try {
            while (true) {
                out.println(WATCH_TIME.format(LocalDateTime.now()) + " (every " + format(seconds) + ")  " + oneLine);
                out.println();
                out.flush();
                CommandRunner.Status status = runner.run(command, source);
                printer.finish();
                if (status instanceof CommandRunner.Status.Stop) {
                    return status;
                }
                if (((CommandRunner.Status.Continue) status).hadError() || watchStopped) {
                    return status;
                }
                names.invalidate();
                synchronized (watchLock) {
                    long until = System.nanoTime() + (long) (seconds * 1e9);
                    while (!watchStopped) {
                        long left = until - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        try {
                            watchLock.wait(Math.max(1, left / 1_000_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            watchStopped = true;
                        }
                    }
                }
                if (watchStopped) {
                    return new CommandRunner.Status.Continue(false);
                }
            }
        } finally {
            watching = false;
        }
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? (long) seconds + "s" : seconds + "s";
    }

    // ------------------------------------------------------------------------------ Ctrl-C

    /** Ctrl-C while a command runs: cancel it on the server; while watching, stop the watch. */
    private void interrupt() {
        if (watching) {
            watchStopped = true;
            synchronized (watchLock) {
                watchLock.notifyAll();
            }
        }
        try {
            session.connection().unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException ignored) {
            // nothing is running, or the server is gone: the next command will tell
        }
    }

    // ------------------------------------------------------------------------------ catalog

    /**
     * The connection completion reads names on: the session's own while no transaction is open
     * (its queries cannot disturb anything then), else a second one, opened once.
     */
    private Connection catalogConnection() throws SQLException {
        if (session.transactionState() == TransactionState.IDLE) {
            return session.connection();
        }
        if (catalogConnection == null || catalogConnection.isClosed()) {
            catalogConnection = SideConnections.open(session);
        }
        return catalogConnection;
    }

    private void closeCatalogConnection() {
        if (catalogConnection != null) {
            try {
                catalogConnection.close();
            } catch (SQLException ignored) {
                // closing at exit
            }
        }
    }

    /** True unless every statement starts with a word that leaves the names alone (SELECT, UPDATE, ...). */
    static boolean mayChangeCatalog(List<Statement> statements) {
        for (Statement s : statements) {
            if (s.isMetaCommand()) {
                String name = s.text().substring(1).split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                if (CATALOG_META.contains(name)) {
                    return true;
                }
                continue;
            }
            EmajShellLexer lexer = new EmajShellLexer(CharStreams.fromString(s.text()));
            lexer.removeErrorListeners();
            List<Token> words = new ArrayList<>();
            for (Token t : lexer.getAllTokens()) {
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    words.add(t);
                }
            }
            if (words.isEmpty() || !NAMES_UNCHANGED.contains(words.get(0).getType())) {
                return true;
            }
            int second = words.size() > 1 ? words.get(1).getType() : -1;
            boolean deleteMarks = words.get(0).getType() == EmajShellLexer.DELETE
                && (second == EmajShellLexer.MARK || second == EmajShellLexer.MARKS);
            if (deleteMarks || s.text().toLowerCase(Locale.ROOT).contains("emaj_")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------ start

    private void banner(PrintWriter out) {
        out.println("emaj-shell " + Version.shell() + " — " + session.info().describeEmaj() + " on PostgreSQL "
            + session.info().serverVersion() + ", database \"" + session.info().database() + "\"");
        if (extraBanner != null) {
            out.println(extraBanner);
        }
        if (!session.info().installed()) {
            out.println("E-Maj is not installed in this database: INSTALL EMAJ installs emaj-shell's own extension.");
        }
        out.println("Type HELP for commands, Tab to complete, \\q to quit.");
        out.println();
        out.flush();
    }

    /**
     * The pager command: {@code $PAGER} ({@code $PSQL_PAGER} first, as psql), psql's
     * {@code less -SRXF} when neither is set; none when set empty or when the program is not there.
     */
    static String pagerCommand(Map<String, String> env) {
        String pager = env.get("PSQL_PAGER");
        if (pager == null) {
            pager = env.get("PAGER");
        }
        if (pager == null) {
            pager = DisplaySettings.DEFAULT_PAGER;
        }
        if (pager.isBlank()) {
            return null;
        }
        String program = pager.strip().split("\\s+")[0];
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program)) ? pager : null;
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return pager;
            }
        }
        return null;
    }
}
