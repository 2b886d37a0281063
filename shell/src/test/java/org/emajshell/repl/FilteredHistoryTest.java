package org.emajshell.repl;

import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JLine's real history with the filter: a refused line is neither in memory (Up, Ctrl-R) nor in the file. */
class FilteredHistoryTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedLineIsInNeitherTheMemoryNorTheFile() throws Exception {
        Path file = dir.resolve("history");
        try (DumbTerminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            History history = new FilteredHistory();
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(history)
                .variable(LineReader.HISTORY_FILE, file).build();
            history.attach(reader); // as readLine does

            history.add("SHOW GROUPS;");
            history.add("\\c postgresql://erin:s3cret@db1/shop");
            history.add("SELECT 1;");
            history.save();

            List<String> inMemory = new ArrayList<>();
            history.forEach(entry -> inMemory.add(entry.line()));
            assertThat(inMemory).containsExactly("SHOW GROUPS;", "SELECT 1;");
            assertThat(Files.readString(file)).contains("SHOW GROUPS;").doesNotContain("s3cret");
        }
    }

    @Test
    void secretsInAnOlderHistoryFileAreDroppedAndTheFileWrittenAgainWithoutThem() throws Exception {
        Path file = dir.resolve("history");
        // JLine's file format: time stamp, colon, the line with backslashes doubled
        Files.writeString(file, "1764100000000:SHOW GROUPS;\n1764100001000:\\\\c host=db1 password=0ld-s3cret\n"
            + "1764100002000:SELECT 1;\n");
        try (DumbTerminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            History history = new FilteredHistory();
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(history)
                .variable(LineReader.HISTORY_FILE, file).build();
            history.attach(reader); // loads the file, as readLine does

            List<String> inMemory = new ArrayList<>();
            history.forEach(entry -> inMemory.add(entry.line()));
            assertThat(inMemory).containsExactly("SHOW GROUPS;", "SELECT 1;");
            assertThat(Files.readString(file)).contains("SHOW GROUPS;").contains("SELECT 1;").doesNotContain("s3cret");
        }
    }
}
