package org.emajshell.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Output that fits the screen stays on it; longer or wider output goes through the pager. */
class PagedOutputTest {

    @TempDir
    Path dir;

    private final StringWriter screen = new StringWriter();
    private final List<String> events = new ArrayList<>();

    private PagedOutput output(boolean always) {
        PagedOutput.PagerControl control = new PagedOutput.PagerControl() {
            @Override
            public void pause() {
                events.add("pause");
            }

            @Override
            public void resume() {
                events.add("resume");
            }
        };
        return new PagedOutput(new PrintWriter(screen), 5, 20, "cat > '" + dir.resolve("paged") + "'", always, control);
    }

    @Test
    void whatFitsTheScreenIsWrittenToItAtTheEnd() throws Exception {
        PagedOutput out = output(false);
        try (PrintWriter w = new PrintWriter(out)) {
            w.println("one");
            w.println("two");
            w.flush();
            assertThat(screen.toString()).isEmpty(); // held until the command ends
        }
        assertThat(screen.toString()).isEqualTo("one\ntwo\n");
        assertThat(events).isEmpty();
        assertThat(dir.resolve("paged")).doesNotExist();
    }

    @Test
    void longerThanTheScreenGoesToThePagerWithWhatWasHeld() throws Exception {
        PagedOutput out = output(false);
        try (PrintWriter w = new PrintWriter(out)) {
            for (int i = 1; i <= 12; i++) {
                w.println("line " + i);
            }
        }
        assertThat(screen.toString()).isEmpty();
        assertThat(Files.readString(dir.resolve("paged"))).startsWith("line 1\nline 2\n").endsWith("line 12\n");
        assertThat(events).containsExactly("pause", "resume");
    }

    @Test
    void widerThanTheScreenAlsoPagesButColorsDoNotCount() throws Exception {
        PagedOutput colored = output(false);
        try (PrintWriter w = new PrintWriter(colored)) {
            w.println("\u001B[31m" + "x".repeat(18) + "\u001B[0m");
        }
        assertThat(dir.resolve("paged")).doesNotExist();
        PagedOutput wide = output(false);
        try (PrintWriter w = new PrintWriter(wide)) {
            w.println("x".repeat(30));
        }
        assertThat(Files.readString(dir.resolve("paged"))).isEqualTo("x".repeat(30) + "\n");
    }

    @Test
    void wideTextWrapsOnlyTablesPage() {
        PagedOutput out = output(false);
        PrintWriter w = new PrintWriter(out);
        out.widthMatters(false);
        w.println("a message longer than the twenty columns of this screen");
        w.flush();
        out.widthMatters(true);
        out.close();
        assertThat(screen.toString()).startsWith("a message longer");
        assertThat(dir.resolve("paged")).doesNotExist();
    }

    @Test
    void releasedOutputGoesStraightToTheScreen() {
        PagedOutput out = output(false);
        PrintWriter w = new PrintWriter(out);
        w.println("before an error");
        w.flush();
        out.release();
        assertThat(screen.toString()).isEqualTo("before an error\n");
        w.println("after");
        w.flush();
        out.close();
        assertThat(screen.toString()).isEqualTo("before an error\nafter\n");
    }

    @Test
    void alwaysPagesEvenShortOutput() throws Exception {
        PagedOutput out = output(true);
        try (PrintWriter w = new PrintWriter(out)) {
            w.println("short");
        }
        assertThat(Files.readString(dir.resolve("paged"))).isEqualTo("short\n");
    }
}
