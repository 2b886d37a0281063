package org.emajshell.repl;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end on a real terminal: the real program runs in tmux (a private tmux server), keys are
 * sent with send-keys and the screen is read with capture-pane. Skipped, saying so, only when
 * tmux is not installed (CI: apt-get install tmux).
 */
class TmuxTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path home;

    // one tmux server per test: a server killed after the previous test must not take this one down
    private final String socket = "emaj-shell-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final String session = "t" + System.nanoTime();

    @BeforeAll
    static void needsTmux() throws Exception {
        assumeTrue(onPath("tmux"), "tmux is not installed: the end-to-end checks on a real terminal are skipped"
            + " (install the Debian package tmux to run them)");
        db.execute("""
            CREATE TABLE public.product (id int PRIMARY KEY, name text, price numeric(6,2));
            INSERT INTO public.product VALUES (1, 'Assam', 4.50), (2, 'Sencha', 3.20);
            SELECT emaj.emaj_create_group('tea');
            SELECT emaj.emaj_assign_table('public', 'product', 'tea');
            SELECT emaj.emaj_start_group('tea', 'start');
            UPDATE public.product SET price = 4.95 WHERE id = 1;
            """);
    }

    @AfterEach
    void killServer() throws Exception {
        tmux("kill-server");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Starts the real program in a 120 x 30 tmux window, with these extra environment settings. */
    private void start(String... env) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("env");
        command.add("HOME=" + home);
        command.add("TERM=xterm-256color");
        command.add("LANG=C.UTF-8");
        command.addAll(List.of(env));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.emajshell.cli.Main");
        command.add("-X");
        command.addAll(db.connectionArgs());
        StringBuilder line = new StringBuilder();
        for (String part : command) {
            line.append('\'').append(part.replace("'", "'\\''")).append("' ");
        }
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30", "sh", "-c", line.toString());
        tmux("set-option", "-t", session, "remain-on-exit", "on");
        waitFor("=>");
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Types text literally (no key names). */
    private void text(String text) throws Exception {
        // tmux takes an argument ending with ';' for a command separator: send that one escaped.
        String body = text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        if (!body.isEmpty()) {
            tmux("send-keys", "-t", session, "-l", body);
        }
        if (text.endsWith(";")) {
            tmux("send-keys", "-t", session, "\\;");
        }
    }

    private String screen(boolean escapes) throws Exception {
        return escapes ? tmux("capture-pane", "-p", "-e", "-t", session) : tmux("capture-pane", "-p", "-t", session);
    }

    private String waitFor(String text) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String shown = "";
        while (System.currentTimeMillis() < deadline) {
            shown = screen(false);
            if (shown.contains(text)) {
                return shown;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the screen never showed \"" + text + "\":\n" + shown);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void completionHighlightingDiffsPagerAndCtrlCOnARealTerminal() throws Exception {
        start();
        text("USE t");
        keys("Tab");
        assertThat(waitFor("USE tea")).contains("Tab to complete");
        keys("Enter");
        waitFor("/tea=>");
        text("ROLLBAK TO start");
        Thread.sleep(300);
        String colored = screen(true);
        assertThat(colored).containsPattern("\u001B\\[[0-9;]*31m[^\\n]*ROLLBAK");
        keys("C-u");
        text("SHOW CHANGES SINCE start;");
        keys("Enter");
        String diff = waitFor("(1 change in 1 table since 'start'");
        assertThat(diff).contains("public.product — 1 updated").containsPattern("~ │  1 │ Assam │ 4\\.50 -> 4\\.95");
        assertThat(screen(true)).containsPattern("\u001B\\[[0-9;]*31m4\\.50");
        keys("C-l");

        if (onPath("less")) {
            text("SELECT g AS n FROM generate_series(1, 200) g;");
            keys("Enter");
            String paged = waitFor(" 25\n");
            assertThat(paged).doesNotContain("(200 rows)");
            keys("q");
            waitFor("=>");
        }

        text("SELECT pg_sleep(30);");
        keys("Enter");
        Thread.sleep(700);
        keys("C-c");
        waitFor("canceling statement due to user request");
        text("SELECT 'alive' AS still;");
        keys("Enter");
        waitFor(" alive\n");
        // (Ctrl-D quitting is checked by ReplTest)
    }

    @Test
    void noColorMeansPlainText() throws Exception {
        start("NO_COLOR=1");
        text("SHOW CHANGES OF GROUP tea SINCE start;");
        keys("Enter");
        waitFor("(1 change in 1 table");
        String raw = screen(true);
        assertThat(raw.substring(raw.indexOf("public.product"))).doesNotContain("\u001B[");
    }
}
