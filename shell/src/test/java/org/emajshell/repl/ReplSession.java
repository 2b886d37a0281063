package org.emajshell.repl;

import org.emajshell.exec.Session;
import org.emajshell.script.ExitCode;
import org.emajshell.testkit.EmajDatabase;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The real REPL on a terminal over streams, against a real server, driven like a user: type,
 * wait until the screen shows something, type again, then end the input (Ctrl-D) and read the
 * whole screen.
 *
 * <p>The terminal is JLine's {@link ExternalTerminal}: a line discipline in Java (echo, Ctrl-C
 * raised as a signal by the thread that reads the keyboard, as a real terminal does), whose
 * output is written synchronously, so the screen holds everything once the REPL has returned.
 * (A terminal built by TerminalBuilder goes through a pseudo-terminal with its own pump thread,
 * and its last output may not have arrived when the test reads it.)
 */
final class ReplSession {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]|\u001B[=>]|\r");

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Keyboard keyboard = new Keyboard();
    private final ExternalTerminal terminal;
    private final Session session;
    private final Thread loop;
    private final AtomicReference<ExitCode> exit = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** What the screen showed: the raw bytes as text, and the text without escape sequences. */
    record Screen(ExitCode exit, String raw) {
        String text() {
            return plain(raw);
        }
    }

    private ReplSession(EmajDatabase db, Path history, String type, boolean assumeYes, Consumer<Session> setup)
        throws Exception {
        terminal = new ExternalTerminal("test", type, keyboard, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        session = new Session(db.newConnection());
        if (setup != null) {
            setup.accept(session);
        }
        Repl repl = new Repl(session, assumeYes, null);
        loop = new Thread(() -> {
            try {
                exit.set(repl.run(terminal, history));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "repl under test");
        loop.start();
    }

    /** A REPL on a dumb terminal (no redisplay: the screen reads like a transcript). */
    static ReplSession dumb(EmajDatabase db, Path history) throws Exception {
        return new ReplSession(db, history, "dumb", true, null);
    }

    /** A REPL on an ANSI terminal of 120 x 40: completion lists, colors, progress bars. */
    static ReplSession ansi(EmajDatabase db, Path history, Consumer<Session> setup) throws Exception {
        return new ReplSession(db, history, "xterm-256color", true, setup);
    }

    /** One that asks before destructive commands. */
    static ReplSession asking(EmajDatabase db, Path history) throws Exception {
        return new ReplSession(db, history, "dumb", false, null);
    }

    ReplSession type(String keys) {
        keyboard.type(keys);
        return this;
    }

    /** Waits (up to 20 s) until the screen, escape sequences left out, contains {@code text}. */
    ReplSession waitFor(String text) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!plain(screenText()).contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the screen never showed \"" + text + "\":\n" + plain(screenText()));
            }
            if (failure.get() != null) {
                throw new AssertionError("the REPL failed", failure.get());
            }
            sleep(20);
        }
        return this;
    }

    /** Waits until the screen shows {@code text} {@code count} times. */
    ReplSession waitFor(String text, int count) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (occurrences(plain(screenText()), text) < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the screen never showed \"" + text + "\" " + count + " times:\n"
                    + plain(screenText()));
            }
            sleep(20);
        }
        return this;
    }

    /** Where the screen is now, for {@link #since}. */
    int mark() {
        return screen.size();
    }

    /** What the screen showed after {@code mark}, escape sequences left out. */
    String since(int mark) {
        byte[] all = screen.toByteArray();
        return plain(new String(all, mark, all.length - mark, StandardCharsets.UTF_8));
    }

    /** Waits until what the screen showed after {@code mark} contains {@code text}; returns it. */
    String waitSince(int mark, String text) {
        return waitSince(mark, text, text);
    }

    /** Waits until what the screen showed after {@code mark} contains one of two texts; returns it. */
    String waitSince(int mark, String text, String orText) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!since(mark).contains(text) && !since(mark).contains(orText)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the screen never showed \"" + text + "\":\n" + since(mark)
                    + "\n--- whole screen:\n" + plain(screenText()));
            }
            sleep(20);
        }
        sleep(150); // the rest of a completion list is written in the same go
        return since(mark);
    }

    /** The screen so far (raw). */
    String screenText() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    /** Ends the input (end of file, as Ctrl-D on an empty line), waits for the REPL, reads the screen. */
    Screen finish() throws Exception {
        sleep(100);
        keyboard.close();
        loop.join(30_000);
        if (loop.isAlive()) {
            throw new AssertionError("the REPL did not end:\n" + plain(screenText()));
        }
        terminal.close();
        session.close();
        if (failure.get() != null) {
            throw new AssertionError("the REPL failed", failure.get());
        }
        return new Screen(exit.get(), screenText());
    }

    static String plain(String raw) {
        return ANSI.matcher(raw).replaceAll("");
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
