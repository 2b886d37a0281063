package org.emajshell.exec;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Marks and rollbacks as a user types them, against a real server. */
class MarkAndRollbackCommandsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private ShellHarness shell;

    @BeforeEach
    void setUp() throws Exception {
        db.execute("""
            DROP SCHEMA IF EXISTS app CASCADE;
            CREATE SCHEMA app;
            CREATE TABLE app.product (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2) NOT NULL);
            INSERT INTO app.product SELECT i, 'p' || i, i * 1.5 FROM generate_series(1, 20) i;
            """);
        shell = new ShellHarness(db);
        shell.run("CREATE GROUP shop; ASSIGN TABLES IN SCHEMA app TO GROUP shop; START GROUP shop MARK 'start'; USE shop;");
    }

    @AfterEach
    void tearDown() {
        shell.run("STOP GROUP shop FORCE; DROP GROUP shop FORCE;");
        shell.close();
    }

    private String products() {
        return db.queryForRows("SELECT * FROM app.product ORDER BY id").toString();
    }

    private String marks() {
        return String.join(",", db.queryForList(
            "SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'shop' ORDER BY mark_time_id"));
    }

    @Test
    void markRenameCommentProtectAndDelete() {
        ShellHarness.Output out = shell.run("""
            MARK 'before batch #42' COMMENT 'ticket 4711';
            RENAME MARK 'before batch #42' TO 'b42';
            COMMENT ON MARK 'b42' IS 'renamed';
            PROTECT MARK 'b42';
            UNPROTECT MARK 'b42';
            MARK 'later';
            DELETE MARK 'later';
            """);

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("Mark 'before batch #42' set on group shop (1 table, 0 sequences).")
            .contains("renamed to 'b42'").contains("is now protected").contains("is now no longer protected")
            .contains("Mark 'later' of group shop deleted.");
        assertThat(marks()).isEqualTo("start,b42");
        assertThat(db.queryForString("SELECT mark_comment FROM emaj.emaj_mark WHERE mark_name = 'b42'")).isEqualTo("renamed");
    }

    @Test
    void aDuplicateMarkKeepsEmajsMessage() {
        ShellHarness.Output out = shell.run("MARK 'start';");

        assertThat(out.err()).contains("ERROR: The group \"shop\" already contains a mark named \"start\".");
    }

    @Test
    void rollbackRestoresTheRowsAndDeletesLaterMarks() {
        String atStart = products();
        shell.run("""
            UPDATE app.product SET price = price * 2 WHERE id <= 5;
            DELETE FROM app.product WHERE id = 20;
            INSERT INTO app.product VALUES (21, 'new', 1);
            MARK 'after';
            """);

        ShellHarness.Output out = shell.run("ROLLBACK TO 'start';");

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("Rolled back group shop to mark 'start': 7 row changes undone");
        assertThat(products()).isEqualTo(atStart);
        assertThat(marks()).isEqualTo("start");
    }

    @Test
    void rollbackAsksWithThePlanAndChangesNothingWhenRefused() throws Exception {
        shell.run("UPDATE app.product SET price = 0 WHERE id IN (1, 2, 3); MARK 'm2';");
        String before = products();
        ShellHarness.RecordingConfirmer no = new ShellHarness.RecordingConfirmer(false);

        try (ShellHarness asking = new ShellHarness(db, no)) {
            ShellHarness.Output out = asking.run("ROLLBACK GROUP shop TO MARK 'start';");
            assertThat(out.out()).contains("Rollback cancelled: nothing was changed.");
        }

        assertThat(no.shown.toString())
            .contains("Rollback of group shop to mark 'start' (")
            .contains("  app.product   3 rows to restore")
            .contains("Marks set after it will be deleted: m2.")
            .contains("Proceed?");
        assertThat(products()).isEqualTo(before);
        assertThat(marks()).isEqualTo("start,m2");
    }

    @Test
    void previewShowsThePlanAndChangesNothing() {
        shell.run("DELETE FROM app.product WHERE id > 15;");
        String before = products();

        ShellHarness.Output out = shell.run("ROLLBACK TO 'start' PREVIEW;");

        assertThat(out.out()).contains("app.product   5 rows to restore").contains("Preview only: nothing was changed.");
        assertThat(products()).isEqualTo(before);
    }

    @Test
    void previewVerboseShowsTheRowsTheRollbackWouldChangeFromNowBackToTheMark() {
        shell.run("DELETE FROM app.product WHERE id = 20; UPDATE app.product SET price = 99 WHERE id = 3;"
            + "INSERT INTO app.product VALUES (21, 'new', 1); UPDATE app.product SET price = 98 WHERE id = 3;");
        String before = products();

        ShellHarness.Output out = shell.run("ROLLBACK TO 'start' PREVIEW VERBOSE;");

        assertThat(out.err()).isEmpty();
        // net change of each key since the mark, turned around: what the rollback would do
        assertThat(out.out()).contains("app.product - 1 updated, 1 inserted, 1 deleted")
            .containsPattern("~ \\| +3 \\| p3 +\\| 98\\.00 -> 4\\.50")
            .containsPattern("\\+ \\| 20 \\| p20 +\\| +30\\.00")
            .containsPattern("- \\| 21 \\| new +\\| +1\\.00")
            .contains("(3 changes in 1 table to undo to go back to 'start', ")
            .contains("Preview only: nothing was changed.");
        assertThat(products()).isEqualTo(before);
    }

    @Test
    void loggedRollbackKeepsMarksAndCanItselfBeRolledBack() {
        String atStart = products();
        shell.run("UPDATE app.product SET name = upper(name); MARK 'm2';");
        String atM2 = products();

        ShellHarness.Output out = shell.run("ROLLBACK TO 'start' LOGGED;");

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("Logged rollback of group shop to mark 'start'");
        assertThat(products()).isEqualTo(atStart);
        assertThat(marks()).startsWith("start,m2,RLBK_").contains("_START").endsWith("_DONE");

        shell.run("ROLLBACK TO 'm2';");
        assertThat(products()).isEqualTo(atM2);
    }

    @Test
    void unknownMarkListsTheExistingOnes() {
        ShellHarness.Output out = shell.run("ROLLBACK TO 'nope';");

        assertThat(out.err()).contains("The mark \"nope\" does not exist for the group \"shop\".")
            .contains("HINT: Marks of shop: start. Try SHOW MARKS.");
    }

    @Test
    void protectedGroupRefusesRollback() {
        ShellHarness.Output out = shell.run("PROTECT GROUP shop; ROLLBACK TO 'start';");

        assertThat(out.err()).contains("The group \"shop\" is currently protected against rollback operations.")
            .contains("HINT: UNPROTECT GROUP shop to allow rollbacks again.");
        shell.run("UNPROTECT GROUP shop;");
    }

    @Test
    void deleteMarksBeforeAsksAndDeletesOlderMarks() {
        shell.run("MARK 'm1'; MARK 'm2';");

        ShellHarness.Output out = shell.run("DELETE MARKS BEFORE 'm2';");

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("2 marks of group shop deleted.");
        assertThat(marks()).isEqualTo("m2");
    }
}
