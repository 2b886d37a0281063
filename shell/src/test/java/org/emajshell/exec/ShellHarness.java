package org.emajshell.exec;

import org.emajshell.render.BorderStyle;
import org.emajshell.render.Printer;
import org.emajshell.script.CommandRunner;
import org.emajshell.script.Source;
import org.emajshell.testkit.EmajDatabase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs shell commands in-process against a test database, as a script would (confirmations
 * answered by the given confirmer), and captures what the user would see.
 */
final class ShellHarness implements AutoCloseable {

    record Output(String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Session session;
    private final Confirmer confirmer;

    ShellHarness(EmajDatabase db) throws Exception {
        this(db, Confirmer.ALWAYS);
    }

    ShellHarness(EmajDatabase db, Confirmer confirmer) throws Exception {
        this.session = new Session(db.newConnection());
        this.confirmer = confirmer;
    }

    Session session() {
        return session;
    }

    Output run(String commands) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Printer printer = new Printer(new PrintWriter(out), new PrintWriter(err), false, BorderStyle.ASCII);
        CommandRunner runner = new CommandRunner(session, new Executor(session, confirmer), printer, false);
        runner.run(commands, new Source("test", Path.of("").toAbsolutePath()));
        return new Output(out.toString(), err.toString());
    }

    /** A confirmer that records the questions and answers as told. */
    static final class RecordingConfirmer implements Confirmer {
        final StringBuilder shown = new StringBuilder();
        boolean answer;

        RecordingConfirmer(boolean answer) {
            this.answer = answer;
        }

        @Override
        public boolean confirm(List<String> explanation, String question) {
            explanation.forEach(line -> shown.append(line).append('\n'));
            shown.append(question).append('\n');
            return answer;
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
