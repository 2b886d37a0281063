package org.emajshell.repl;

import org.emajshell.testkit.EmajDatabase;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the real REPL shows on an ANSI terminal over streams: highlighting as one types, Ctrl-R,
 * multi-line buffers, Ctrl-C on a long query, \watch, \x auto and streamed results.
 */
class ReplScreenTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path dir;

    private ReplSession repl;

    @BeforeEach
    void start() throws Exception {
        repl = ReplSession.ansi(db, dir.resolve("history"), null).waitFor("=> ");
    }

    @AfterEach
    void stop() throws Exception {
        repl.finish();
    }

    @Test
    void theBufferIsHighlightedAsItIsTyped() {
        int mark = repl.mark();
        repl.type("ROLLBAK TO 'start'; SELECT 42 -- answer");
        repl.waitSince(mark, "-- answer");
        // Redisplays write the whole line again: the last one shows the final colors.
        String raw = repl.screenText().substring(repl.screenText().lastIndexOf("ROLLBAK") - 40);
        AttributedString shown = AttributedString.fromAnsi(raw.replaceAll("\u001B\\[[0-9;?]*[A-HJKSTfhlsu]", ""));
        String text = shown.toString();
        AttributedStyle rollbak = shown.styleAt(text.lastIndexOf("ROLLBAK"));
        AttributedStyle select = shown.styleAt(text.lastIndexOf("SELECT"));
        AttributedStyle answer = shown.styleAt(text.lastIndexOf("answer"));
        assertThat(rollbak).isNotEqualTo(select);
        assertThat(rollbak.toAnsi()).contains("31"); // red
        assertThat(select.toAnsi()).contains("34"); // blue
        assertThat(answer).isNotEqualTo(select).isNotEqualTo(rollbak);
        repl.type("\u0005\u0015");
    }

    @Test
    void colorOffStopsTheHighlightingAtOnce() {
        repl.type("\\set COLOR off\n");
        repl.waitFor("=> ", 2);
        int mark = repl.mark();
        repl.type("SELECT 42 AS plain");
        repl.waitSince(mark, "plain");
        String raw = repl.screenText().substring(repl.screenText().lastIndexOf("SELECT 42") - 40);
        AttributedString shown = AttributedString.fromAnsi(raw.replaceAll("\u001B\\[[0-9;?]*[A-HJKSTfhlsu]", ""));
        assertThat(shown.styleAt(shown.toString().lastIndexOf("SELECT"))).isEqualTo(AttributedStyle.DEFAULT);
        repl.type("\u0005\u0015");
    }

    @Test
    void ctrlRFindsAnEarlierCommandAndMultiLineBuffersContinue() {
        repl.type("SELECT 'needle' AS found,\n");
        repl.waitFor("-> ");
        repl.type("'haystack' AS other;\n").waitFor("(1 row)");
        repl.type("SELECT 2;\n").waitFor("(1 row)", 2);
        int mark = repl.mark();
        repl.type("\u0012needle");
        repl.waitSince(mark, "needle");
        repl.type("\r");
        repl.waitFor("(1 row)", 3);
        String again = repl.since(mark);
        assertThat(again).contains("haystack");
    }

    @Test
    void ctrlCCancelsALongQueryAndTheTransactionStateIsRight() {
        repl.type("SELECT pg_sleep(30);\n");
        ReplSession.sleep(500);
        repl.type("\u0003");
        repl.waitFor("canceling statement due to user request");
        int mark = repl.mark();
        repl.type("SELECT 'still here' AS alive;\n");
        String after = repl.waitSince(mark, "(1 row)");
        assertThat(after).contains("still here").doesNotContain("=!>");
    }

    @Test
    void watchRepeatsThePreviousCommandUntilCtrlC() {
        repl.type("SELECT count(*) AS ticks FROM pg_class WHERE relname = 'pg_class';\n").waitFor("(1 row)");
        int mark = repl.mark();
        repl.type("\\watch 0.2\n");
        repl.waitFor("(every 0.2s)", 3);
        repl.type("\u0003");
        ReplSession.sleep(300);
        int after = repl.mark();
        repl.type("SELECT 'done' AS end_of_watch;\n");
        assertThat(repl.waitSince(after, "(1 row)")).contains("done");
        assertThat(repl.since(mark)).contains("SELECT count(*) AS ticks FROM pg_class WHERE relname = 'pg_class';");
    }

    @Test
    void watchNeedsACommandAndAValidInterval() {
        repl.type("\\watch\n").waitFor("\\watch cannot be used with an empty query buffer");
        repl.type("SELECT 1 AS x;\n").waitFor("(1 row)");
        repl.type("\\watch soon\n").waitFor("invalid interval \"soon\"");
    }

    @Test
    void expandedDisplayAutoTimingAndStreamedRows() {
        repl.type("\\x auto\n").waitFor("Expanded display is used automatically.");
        int mark = repl.mark();
        repl.type("SELECT 1 AS narrow;\n");
        assertThat(repl.waitSince(mark, "(1 row)")).contains(" narrow\n").doesNotContain("RECORD");
        mark = repl.mark();
        repl.type("SELECT repeat('x', 150) AS wide, 2 AS n;\n");
        assertThat(repl.waitSince(mark, "(1 row)")).contains("[ RECORD 1 ]").contains("n    │ 2");
        repl.type("\\x off\n\\timing on\n").waitFor("Timing is on.");
        mark = repl.mark();
        // More rows than one FETCH of the cursor.
        repl.type("SELECT g FROM generate_series(1, 2500) g;\n");
        String rows = repl.waitSince(mark, "Time: ");
        assertThat(rows).contains("(2500 rows)").contains("\n 1000\n").contains("\n 1001\n").contains("\n 2500\n")
            .containsPattern("Time: \\d+\\.\\d{3} ms");
    }
}
