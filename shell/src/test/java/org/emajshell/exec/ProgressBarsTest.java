package org.emajshell.exec;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SHOW STATS ... DETAILED, SNAP GROUP and GENERATE SQL show a live progress bar on a terminal:
 * percentage, tables done, time left, then a summary that stays. Each test holds back the
 * second table with a lock taken by another session, as a busy database would: the bar must
 * then say that the first table (3,000 of the 4,000 rows) is done, and finish once it is let go.
 * On a non-terminal nothing but the normal result is printed.
 */
class ProgressBarsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static ShellHarness shell;
    private Path snapDir;

    @BeforeAll
    static void schema() throws Exception {
        db.execute("""
            CREATE SCHEMA app;
            CREATE TABLE app.t1 (id int PRIMARY KEY, v text);
            CREATE TABLE app.t2 (id int PRIMARY KEY, v text);
            SELECT emaj.emaj_create_group('g');
            SELECT emaj.emaj_assign_tables('app', '.*', NULL, 'g', NULL, NULL);
            SELECT emaj.emaj_start_group('g', 'm1');
            INSERT INTO app.t1 SELECT i, 'v' || i FROM generate_series(1, 3000) i;
            INSERT INTO app.t2 SELECT i, 'v' || i FROM generate_series(1, 1000) i;
            SELECT emaj.emaj_set_mark_group('g', 'm2');
            ANALYZE app.t1;
            ANALYZE app.t2;
            """);
        shell = new ShellHarness(db);
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    @BeforeEach
    void directory() throws Exception {
        snapDir = Files.createTempDirectory("snap");
        Files.setPosixFilePermissions(snapDir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @Test
    void showStatsDetailedFollowsTheLogTablesItScans() throws Exception {
        ShellHarness.Output out = whileHeldBack("LOCK TABLE " + logTableOf("t2") + " IN ACCESS EXCLUSIVE MODE",
            "SHOW STATS OF GROUP g SINCE 'm1' UNTIL 'm2' DETAILED;");

        assertThat(out.err()).isEmpty();
        assertThat(out.out())
            .containsPattern("\\[#{30}\\] 100%  2/2 tables  4,000 rows  \\d+\\.\\d\\d s *\\n")
            .contains(" app.t1 | postgres | INSERT | 3000")
            .contains("(4000 changes in group g since 'm1' until 'm2')");
    }

    @Test
    void snapGroupFollowsTheTablesItCopies() throws Exception {
        // REINDEX holds the index, which the copy of app.t2 needs when it is planned.
        ShellHarness.Output out = whileHeldBack("REINDEX INDEX app.t2_pkey", "SNAP GROUP g TO '" + snapDir + "';");

        assertThat(out.err()).isEmpty();
        assertThat(out.out())
            .containsPattern("\\[#{30}\\] 100%  2/2 tables  \\d+\\.\\d\\d s *\\n")
            .contains("Snapshot of group g (2 tables and sequences) written by the server into " + snapDir);
        assertThat(snapDir.resolve("app_t2.snap")).exists();
    }

    @Test
    void generateSqlFollowsTheLogTablesTheServerTurnsIntoStatements() throws Exception {
        Path file = snapDir.resolve("replay.sql");
        ShellHarness.Output out = whileHeldBack("LOCK TABLE " + logTableOf("t2") + " IN ACCESS EXCLUSIVE MODE",
            "GENERATE SQL OF GROUP g SINCE 'm1' UNTIL 'm2' TO '" + file + "';");

        assertThat(out.err()).isEmpty();
        assertThat(out.out())
            .containsPattern("\\[#{30}\\] 100%  2/2 tables  4,010 lines  \\d+\\.\\d\\d s *\\n")
            .contains("written to " + file + " (4010 lines).");
        assertThat(Files.readAllLines(file)).hasSize(4010);
    }

    @Test
    void onANonTerminalOnlyTheResultsArePrintedEvenWhenTheWorkIsLong() throws Exception {
        String commands = "SHOW STATS OF GROUP g SINCE 'm1' UNTIL 'm2' DETAILED;\n"
            + "SNAP GROUP g TO '" + snapDir + "';\n"
            + "GENERATE SQL OF GROUP g SINCE 'm1' UNTIL 'm2' TO '" + snapDir.resolve("replay.sql") + "';\n";
        ShellHarness.Output out;
        // app.t2 is held back for longer than a bar would take to show.
        try (Connection other = db.newConnection(); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute("LOCK TABLE " + logTableOf("t2") + " IN ACCESS EXCLUSIVE MODE");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(LiveProgress.SHOW_AFTER_MILLIS + 3 * LiveProgress.POLL_MILLIS);
                    other.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            out = shell.run(commands);
            release.join();
        }

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).doesNotContain("\r").doesNotContain("%").doesNotContain("tables  ")
            .contains("(4000 changes in group g since 'm1' until 'm2')")
            .contains("Snapshot of group g (2 tables and sequences) written")
            .contains("(4010 lines).");
    }

    @Test
    void onATerminalTheMachineFormatsStayFreeOfBars() throws Exception {
        ShellHarness.Output out;
        try (Connection other = db.newConnection(); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute("LOCK TABLE " + logTableOf("t2") + " IN ACCESS EXCLUSIVE MODE");
            ShellHarness.Running running = shell.startOnTerminal("\\pset format csv\n"
                + "SHOW STATS OF GROUP g SINCE 'm1' UNTIL 'm2' DETAILED;\n");
            Thread.sleep(LiveProgress.SHOW_AFTER_MILLIS + 3 * LiveProgress.POLL_MILLIS);
            other.commit();
            out = running.await();
        }

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).doesNotContain("\r").doesNotContain("%").doesNotContain("tables  ")
            .contains("app.t1,postgres,INSERT,3000");
    }

    /**
     * Runs the command on a terminal while another session holds what the second table needs:
     * checks the bar drawn meanwhile (the first table, 3,000 rows of 4,000 in weight, done), then
     * lets go and returns what was shown.
     */
    private ShellHarness.Output whileHeldBack(String hold, String command) throws Exception {
        try (Connection other = db.newConnection(); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute(hold);
            ShellHarness.Running running = shell.startOnTerminal(command);
            String screen = running.waitFor("1/2 tables");
            assertThat(screen).containsPattern("\\[#{22}-{8}\\]  74%  1/2 tables  \\d+\\.\\d\\d s left");
            other.commit();
            return running.await();
        }
    }

    private static String logTableOf(String table) {
        return db.queryForString("SELECT quote_ident(rel_log_schema) || '.' || quote_ident(rel_log_table)"
            + " FROM emaj.emaj_relation WHERE rel_schema = 'app' AND rel_tblseq = '" + table + "'");
    }
}
