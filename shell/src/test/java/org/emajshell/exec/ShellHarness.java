package org.emajshell.exec;

import org.emajshell.render.BorderStyle;
import org.emajshell.render.Printer;
import org.emajshell.script.CommandRunner;
import org.emajshell.script.Source;
import org.emajshell.testkit.EmajDatabase;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

    /**
     * Runs the commands in the background as on an interactive terminal of 120 columns (progress
     * bars are drawn, no pager); the screen can be read while they run.
     */
    Running startOnTerminal(String commands) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Printer printer = new Printer(new PrintWriter(out), new PrintWriter(err), false, BorderStyle.ASCII);
        Terminal terminal = new ExternalTerminal("test", "xterm-256color", InputStream.nullInputStream(),
            OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        printer.attachTerminal(terminal, null);
        CommandRunner runner = new CommandRunner(session, new Executor(session, confirmer), printer, false);
        Thread thread = new Thread(() -> runner.run(commands, new Source("test", Path.of("").toAbsolutePath())),
            "commands on a terminal");
        thread.start();
        return new Running(thread, terminal, out, err);
    }

    /** Commands running on a terminal. */
    record Running(Thread thread, Terminal terminal, StringWriter out, StringWriter err) {
        /** Waits until the screen shows {@code text} (10 s at most); returns the screen. */
        String waitFor(String text) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!out.toString().contains(text)) {
                if (System.nanoTime() > deadline || !thread.isAlive() && !out.toString().contains(text)) {
                    throw new AssertionError("the screen never showed \"" + text + "\":\n" + out + err);
                }
                Thread.sleep(20);
            }
            return out.toString();
        }

        /** Waits for the commands to end; returns what they showed. */
        Output await() throws Exception {
            thread.join(10_000);
            if (thread.isAlive()) {
                throw new AssertionError("the commands did not end:\n" + out + err);
            }
            terminal.close();
            return new Output(out.toString(), err.toString());
        }
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
