package org.emajshell.script;

import org.emajshell.command.Command;
import org.emajshell.command.MetaCommand;
import org.emajshell.connect.Conninfo;
import org.emajshell.emaj.EmajError;
import org.emajshell.exec.CommandError;
import org.emajshell.exec.CommandNames;
import org.emajshell.exec.Executor;
import org.emajshell.exec.Result;
import org.emajshell.exec.Session;
import org.emajshell.parse.CommandParser;
import org.emajshell.parse.Statement;
import org.emajshell.parse.StatementSplitter;
import org.emajshell.parse.SyntaxError;
import org.emajshell.parse.VariableSubstitution;
import org.emajshell.render.ColorMode;
import org.emajshell.render.OutputFormat;
import org.emajshell.render.Printer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs text (a file, a -c command, a REPL buffer) statement by statement: substitute variables,
 * parse, execute, print. Used by both the scripts and the REPL.
 */
public final class CommandRunner {

    private static final int MAX_INCLUDE_DEPTH = 16;

    private final Session session;
    private final Executor executor;
    private final Printer printer;
    private static final StatementSplitter SPLITTER = new StatementSplitter();
    private final CommandParser parser = new CommandParser();
    private final boolean stopOnError;
    private int includeDepth;
    private PrintWriter echo;
    private boolean quiet;
    private boolean singleTransaction;
    private boolean showingEcho;

    /**
     * @param stopOnError whether an error stops a script when ON_ERROR_STOP is not set (in the
     *                    REPL an error never ends the session: it only stops an included file)
     */
    public CommandRunner(Session session, Executor executor, Printer printer, boolean stopOnError) {
        this.session = session;
        this.executor = executor;
        this.printer = printer;
        this.stopOnError = stopOnError;
    }

    /**
     * --echo: print each statement before it runs (passwords masked): with the results in the text
     * formats, on {@code errorStream} in the machine formats (JSON, CSV), which must stay parseable.
     * Null turns echo off.
     */
    public CommandRunner echo(PrintWriter errorStream) {
        this.echo = errorStream;
        return this;
    }

    /** -q: leave out status messages (\echo still prints; JSON keeps them). */
    public CommandRunner quiet(boolean on) {
        this.quiet = on;
        return this;
    }

    /** --single-transaction: the run is one transaction, so \c is refused. */
    public CommandRunner singleTransaction(boolean on) {
        this.singleTransaction = on;
        return this;
    }

    /** Whether an error stops the script now: ON_ERROR_STOP when set, else the runner's default. */
    public boolean stopsOnError() {
        String value = session.variables().get(Variables.ON_ERROR_STOP);
        return value == null ? stopOnError : Variables.isOn(value);
    }

    /** The outcome of running some text: go on, or stop with an exit code. */
    public sealed interface Status {
        record Continue(boolean hadError) implements Status {
        }

        record Stop(ExitCode exitCode) implements Status {
        }
    }

    public Status run(String text, Source source) {
        Status status = runStatements(text, source);
        if (includeDepth == 0 && source.isInteractive()) {
            if (status instanceof Status.Stop stop && stop.exitCode() == ExitCode.SCRIPT_ERROR) {
                return new Status.Continue(true); // ON_ERROR_STOP stops included files, not the REPL
            }
        }
        return status;
    }

    private Status runStatements(String text, Source source) {
        boolean hadError = false;
        List<Statement> statements = SPLITTER.split(text);
        for (Statement statement : statements) {
            Status status = runOne(statement, text, source);
            if (status instanceof Status.Stop) {
                return status;
            }
            hadError |= ((Status.Continue) status).hadError();
        }
        return new Status.Continue(hadError);
    }

    private Status runOne(Statement statement, String text, Source source) {
        // read before each statement, so that a changed COLOR counts from the next statement on
        printer.setColorMode(ColorMode.of(session.variables().get(Variables.COLOR)));
        Command command;
        Statement substituted = new Statement(VariableSubstitution.substitute(statement.text(), session.variables()),
            statement.line(), statement.column());
        try {
            command = parser.parse(substituted);
        } catch (SyntaxError e) {
            if (echo != null) {
                echo(null, substituted);
            }
            // the caret is drawn under the masked text, which keeps the widths of what it hides
            error(where(source, e.line()) + e.render(Conninfo.redactKeepingWidth(text)));
            return failed();
        }
        if (echo != null) {
            echo(command, substituted);
        }
        printer.beginCommand(CommandNames.of(command));
        try {
            if (singleTransaction && command instanceof MetaCommand m && m.name().equals("c")) {
                throw new CommandError("\\c cannot run inside --single-transaction: the whole run is one transaction"
                    + " on one connection", "run the commands for the other database in a separate emaj-shell call");
            }
            showingEcho = command instanceof MetaCommand m && m.name().equals("echo");
            Result result = executor.execute(command);
            return handle(result, source, statement.line());
        } catch (CommandError e) {
            error(where(source, statement.line()) + "ERROR: " + e.getMessage()
                + (e.hint() == null ? "" : "\n  " + e.hint()));
            return failed();
        } catch (EmajError e) {
            error(where(source, statement.line()) + ErrorText.of(e));
            if (connectionLost(e)) {
                return new Status.Stop(ExitCode.CONNECTION_LOST);
            }
            return failed();
        } catch (RuntimeException e) {
            error(where(source, statement.line()) + "ERROR: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return failed();
        } finally {
            printer.endCommand();
        }
    }

    /**
     * Every error goes out masked: a message may quote the command (a server's, a driver's), and
     * the command may hold a password.
     */
    private void error(String text) {
        printer.error(Conninfo.redact(text));
    }

    /** Class 08, or the server ending the session (57P01 admin shutdown, 57P02, 57P03), or a closed connection. */
    private boolean connectionLost(EmajError e) {
        if (e.isConnectionLost() || (e.sqlState() != null && e.sqlState().startsWith("57P0"))) {
            return true;
        }
        try {
            return session.connection().isClosed();
        } catch (java.sql.SQLException ignored) {
            return true;
        }
    }

    /** Prints a statement before it runs (or fails to parse: {@code command} is then null). */
    private void echo(Command command, Statement statement) {
        String text = statement.text();
        if (command instanceof MetaCommand m && m.name().equals("c")) {
            StringBuilder sb = new StringBuilder("\\c");
            for (String arg : m.args()) {
                String shown = Conninfo.redact(arg);
                sb.append(' ').append(shown.contains(" ") ? "'" + shown.replace("'", "''") + "'" : shown);
            }
            text = sb.toString();
        } else if (text.toLowerCase(java.util.Locale.ROOT).contains("password") || text.contains("://")) {
            text = Conninfo.redact(text);
        }
        text = statement.isMetaCommand() ? text : text + ";";
        OutputFormat format = printer.format();
        PrintWriter to = format == OutputFormat.JSON || format == OutputFormat.CSV ? echo : printer.out();
        to.println(text);
        to.flush();
    }

    private Status failed() {
        return stopsOnError() ? new Status.Stop(ExitCode.SCRIPT_ERROR) : new Status.Continue(true);
    }

    private Status handle(Result result, Source source, int line) throws EmajError, CommandError {
        if (result instanceof Result.Rows r) {
            printer.table(r.table());
        } else if (result instanceof Result.Streamed s) {
            return handle(s.output().printTo(printer), source, line);
        } else if (result instanceof Result.Message m) {
            if (!quiet || showingEcho || printer.format() == OutputFormat.JSON) {
                printer.message(m.text());
            }
        } else if (result instanceof Result.Outcome o) {
            if (!quiet || showingEcho || printer.format() == OutputFormat.JSON) {
                printer.message(o.text());
            }
            printer.facts(o.facts());
        } else if (result instanceof Result.Warning w) {
            printer.warning(w.text());
        } else if (result instanceof Result.Sequence s) {
            boolean hadError = false;
            for (Result part : s.parts()) {
                Status status = handle(part, source, line);
                if (status instanceof Status.Stop) {
                    return status;
                }
                hadError |= ((Status.Continue) status).hadError();
            }
            return new Status.Continue(hadError);
        } else if (result instanceof Result.Include i) {
            return include(i.file(), source, line);
        } else if (result instanceof Result.Quit) {
            return new Status.Stop(ExitCode.OK);
        }
        return new Status.Continue(false);
    }

    private Status include(Path file, Source source, int line) {
        Path resolved = file.isAbsolute() ? file : source.baseDir().resolve(file);
        if (includeDepth >= MAX_INCLUDE_DEPTH) {
            printer.error(where(source, line) + "ERROR: \\i nested more than " + MAX_INCLUDE_DEPTH + " levels deep at "
                + resolved);
            return failed();
        }
        String text;
        try {
            text = Files.readString(resolved, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            printer.error(where(source, line) + "ERROR: " + resolved + ": no such file");
            return failed();
        } catch (IOException e) {
            printer.error(where(source, line) + "ERROR: cannot read " + resolved + ": " + e.getMessage());
            return failed();
        }
        includeDepth++;
        try {
            return run(text, Source.file(resolved));
        } finally {
            includeDepth--;
        }
    }

    private static String where(Source source, int line) {
        return source.isInteractive() || source.name().equals("-c") ? "" : source.name() + ":" + line + ": ";
    }
}
