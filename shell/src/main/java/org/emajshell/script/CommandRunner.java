package org.emajshell.script;

import org.emajshell.command.Command;
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
import org.emajshell.render.Printer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    public CommandRunner(Session session, Executor executor, Printer printer, boolean stopOnError) {
        this.session = session;
        this.executor = executor;
        this.printer = printer;
        this.stopOnError = stopOnError;
    }

    /** The outcome of running some text: go on, or stop with an exit code. */
    public sealed interface Status {
        record Continue(boolean hadError) implements Status {
        }

        record Stop(ExitCode exitCode) implements Status {
        }
    }

    public Status run(String text, Source source) {
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
        Command command;
        try {
            String substituted = VariableSubstitution.substitute(statement.text(), session.variables());
            command = parser.parse(new Statement(substituted, statement.line(), statement.column()));
        } catch (SyntaxError e) {
            printer.error(where(source, e.line()) + e.render(text));
            return failed();
        }
        printer.beginCommand(CommandNames.of(command));
        try {
            Result result = executor.execute(command);
            return handle(result, source);
        } catch (CommandError e) {
            printer.error(where(source, statement.line()) + "ERROR: " + e.getMessage()
                + (e.hint() == null ? "" : "\n  " + e.hint()));
            return failed();
        } catch (EmajError e) {
            printer.error(where(source, statement.line()) + ErrorText.of(e));
            if (e.isConnectionLost()) {
                return new Status.Stop(ExitCode.CONNECTION_LOST);
            }
            return failed();
        } finally {
            printer.endCommand();
        }
    }

    private Status failed() {
        return stopOnError ? new Status.Stop(ExitCode.SCRIPT_ERROR) : new Status.Continue(true);
    }

    private Status handle(Result result, Source source) {
        if (result instanceof Result.Rows r) {
            printer.table(r.table());
        } else if (result instanceof Result.Message m) {
            printer.message(m.text());
        } else if (result instanceof Result.Warning w) {
            printer.warning(w.text());
        } else if (result instanceof Result.Sequence s) {
            boolean hadError = false;
            for (Result part : s.parts()) {
                Status status = handle(part, source);
                if (status instanceof Status.Stop) {
                    return status;
                }
                hadError |= ((Status.Continue) status).hadError();
            }
            return new Status.Continue(hadError);
        } else if (result instanceof Result.Include i) {
            return include(i.file(), source);
        } else if (result instanceof Result.Quit) {
            return new Status.Stop(ExitCode.OK);
        }
        return new Status.Continue(false);
    }

    private Status include(Path file, Source source) {
        Path resolved = file.isAbsolute() ? file : source.baseDir().resolve(file);
        if (includeDepth >= MAX_INCLUDE_DEPTH) {
            printer.error("ERROR: \\i nested more than " + MAX_INCLUDE_DEPTH + " levels deep at " + resolved);
            return failed();
        }
        String text;
        try {
            text = Files.readString(resolved, StandardCharsets.UTF_8);
        } catch (IOException e) {
            printer.error("ERROR: cannot read " + resolved + ": " + e.getMessage());
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
        return source.name().equals("<repl>") || source.name().equals("-c") ? "" : source.name() + ":" + line + ": ";
    }
}
