package org.emajshell.script;

import org.emajshell.exec.Session;
import org.emajshell.render.Printer;
import org.postgresql.core.TransactionState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A non-interactive run: the -c commands and -f files in command-line order (or the standard
 * input), with psql's exit codes, optionally as one transaction (--single-transaction).
 */
public final class Batch {

    /** One -c or -f of the command line. */
    public sealed interface Action {

        /** -c: one or more commands. */
        record Commands(String text) implements Action {
        }

        /** -f: a file; "-" is the standard input. */
        record File(Path path) implements Action {
        }

        /** Neither -c nor -f: the standard input. */
        record StandardInput() implements Action {
        }
    }

    private final CommandRunner runner;
    private final Session session;
    private final Printer printer;
    private final InputStream stdin;

    public Batch(CommandRunner runner, Session session, Printer printer, InputStream stdin) {
        this.runner = runner;
        this.session = session;
        this.printer = printer;
        this.stdin = stdin;
    }

    /**
     * Runs the actions. Exit codes: 0 when every command succeeded; 3 when a command failed (at
     * once, or at the end with --continue-on-error); 2 when the connection was lost; 1 when a file
     * cannot be read.
     */
    public ExitCode run(List<Action> actions, boolean singleTransaction) {
        if (singleTransaction) {
            runner.singleTransaction(true);
            if (!execute("BEGIN")) {
                return ExitCode.CONNECTION_LOST;
            }
        }
        ExitCode code = runActions(actions);
        if (singleTransaction) {
            code = end(code);
        }
        return code;
    }

    private ExitCode runActions(List<Action> actions) {
        boolean hadError = false;
        for (Action action : actions) {
            String text;
            Source source;
            try {
                if (action instanceof Action.Commands c) {
                    text = c.text();
                    source = Source.commandLine();
                } else if (action instanceof Action.File f && !f.path().toString().equals("-")) {
                    text = Files.readString(f.path(), StandardCharsets.UTF_8);
                    source = Source.file(f.path());
                } else {
                    text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
                    source = Source.standardInput();
                }
            } catch (NoSuchFileException e) {
                printer.error("emaj-shell: error: " + e.getFile() + ": no such file");
                return ExitCode.FATAL;
            } catch (IOException e) {
                printer.error("emaj-shell: error: cannot read " + describe(action) + ": " + e.getMessage());
                return ExitCode.FATAL;
            }
            CommandRunner.Status status = runner.run(text, source);
            if (status instanceof CommandRunner.Status.Stop stop) {
                return stop.exitCode();
            }
            hadError |= ((CommandRunner.Status.Continue) status).hadError();
        }
        return hadError ? ExitCode.SCRIPT_ERROR : ExitCode.OK;
    }

    /** Commits when everything succeeded, else rolls back (psql -1 with ON_ERROR_STOP). */
    private ExitCode end(ExitCode code) {
        if (code == ExitCode.CONNECTION_LOST) {
            return code;
        }
        TransactionState state = session.transactionState();
        if (code == ExitCode.OK && state == TransactionState.OPEN) {
            return execute("COMMIT") ? code : ExitCode.SCRIPT_ERROR;
        }
        if (state == TransactionState.IDLE) {
            if (code == ExitCode.OK) {
                printer.warning("WARNING: the single transaction was ended by the script itself (COMMIT or ROLLBACK):"
                    + " the commands after it ran on their own");
            }
            return code;
        }
        execute("ROLLBACK");
        printer.error("ERROR: --single-transaction: a command failed, so the whole run was rolled back"
            + " (sequences reset by an E-Maj rollback stay reset: sequence changes are not transactional)");
        return code == ExitCode.OK ? ExitCode.SCRIPT_ERROR : code;
    }

    private boolean execute(String sql) {
        try (Statement st = session.connection().createStatement()) {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            printer.error("ERROR: " + sql + " failed: " + e.getMessage());
            return false;
        }
    }

    private static String describe(Action action) {
        return action instanceof Action.File f ? f.path().toString() : "the standard input";
    }
}
