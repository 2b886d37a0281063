package org.emajshell.repl;

import org.emajshell.exec.Session;
import org.emajshell.script.ExitCode;
import org.emajshell.testkit.EmajDatabase;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real REPL on a terminal over streams, against a real server. */
class ReplTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path dir;

    private record Screen(ExitCode exit, String text) {
    }

    private Screen type(String input) throws Exception {
        return type(input, null);
    }

    /**
     * Types the input into the real REPL on a terminal over streams. The input stays open (a
     * closed stream would end the session before JLine reads the buffered lines); with
     * {@code closeAfter}, it is closed once the screen shows that text, which is end-of-file.
     */
    private Screen type(String input, String closeAfter) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Keyboard keyboard = new Keyboard();
        keyboard.type(input);
        Thread closer = null;
        if (closeAfter != null) {
            closer = new Thread(() -> {
                long deadline = System.currentTimeMillis() + 20_000;
                while (System.currentTimeMillis() < deadline && !out.toString(StandardCharsets.UTF_8).contains(closeAfter)) {
                    sleep(20);
                }
                sleep(100);
                keyboard.close();
            });
            closer.start();
        }
        ExitCode exit;
        try (Terminal terminal = TerminalBuilder.builder().system(false).type(Terminal.TYPE_DUMB)
                 .streams(keyboard, out).encoding(StandardCharsets.UTF_8).build();
             Session session = new Session(db.newConnection())) {
            exit = new Repl(session, true, null).run(terminal, dir.resolve("history"));
            terminal.flush();
        } finally {
            keyboard.close();
            if (closer != null) {
                closer.join();
            }
        }
        // Read the screen only once the terminal is closed: everything written has reached it.
        return new Screen(exit, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void showsTheBannerRunsACommandAndQuitsOnBackslashQ() throws Exception {
        Screen screen = type("SHOW GROUPS;\n\\q\n");

        assertThat(screen.exit()).isEqualTo(ExitCode.OK);
        assertThat(screen.text()).contains("E-Maj 0.1.0 (own extension) on PostgreSQL")
            .contains("database \"" + db.name() + "\"")
            .containsPattern("\\(\\d+ groups?\\)");
    }

    @Test
    void aStatementWithoutItsSemicolonContinuesOnTheNextLine() throws Exception {
        Screen screen = type("SELECT 6\n* 7 AS product;\n\\q\n");

        assertThat(screen.text()).contains(" product\n─────────\n      42\n(1 row)");
    }

    @Test
    void endOfInputQuitsAndTheHistoryIsSaved() throws Exception {
        Screen screen = type("SELECT 'remember me';\n", "(1 row)");

        assertThat(screen.exit()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("history"))).contains("SELECT 'remember me';");
    }

    @Test
    void thePromptShowsTheCurrentGroupAndAnOpenTransaction() throws Exception {
        db.execute("SELECT emaj.emaj_create_group('prompted')");

        Screen screen = type("USE prompted\nBEGIN;\nSELECT 1;\nCOMMIT;\n\\q\n");

        assertThat(screen.text()).contains(db.name() + "/prompted=> BEGIN").contains(db.name() + "/prompted=*> ");
    }
}
