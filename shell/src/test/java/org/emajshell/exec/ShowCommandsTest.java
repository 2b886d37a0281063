package org.emajshell.exec;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The SHOW commands and VERIFY print what E-Maj recorded. */
class ShowCommandsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static ShellHarness shell;

    @BeforeAll
    static void setUp() throws Exception {
        db.execute("""
            CREATE SCHEMA app;
            CREATE TABLE app.customer (id int PRIMARY KEY, name text);
            CREATE TABLE app.orders (id int PRIMARY KEY, customer_id int REFERENCES app.customer(id));
            CREATE SEQUENCE app.order_seq;
            SELECT nextval('app.order_seq');
            INSERT INTO app.customer SELECT i, 'c' || i FROM generate_series(1, 10) i;
            """);
        shell = new ShellHarness(db);
        shell.run("""
            CREATE GROUP shop COMMENT 'the shop';
            ASSIGN TABLES IN SCHEMA app TO GROUP shop;
            ASSIGN SEQUENCE app.order_seq TO GROUP shop;
            START GROUP shop MARK 'start';
            USE shop;
            UPDATE app.customer SET name = 'x' WHERE id <= 4;
            INSERT INTO app.orders VALUES (1, 1), (2, 2);
            SELECT nextval('app.order_seq'), nextval('app.order_seq');
            MARK 'm1';
            DELETE FROM app.orders WHERE id = 2;
            """);
    }

    @AfterAll
    static void tearDown() {
        shell.close();
    }

    @Test
    void showGroupsCountsTablesSequencesMarksAndChanges() {
        String out = shell.run("SHOW GROUPS;").out();

        assertThat(out).containsPattern("(?m)^ shop +\\| ROLLBACKABLE \\| LOGGING \\| +2 \\| +1 \\| +2 \\| +1 \\| the shop$")
            .contains("(1 group)");
    }

    @Test
    void showMarksCountsChangesBetweenMarksAndSinceTheLast() {
        String out = shell.run("SHOW MARKS;").out();

        assertThat(out).containsPattern("(?m)^ start +\\| [-0-9: ]+\\| +\\| +6 \\|")
            .containsPattern("(?m)^ m1 +\\| [-0-9: ]+\\| +\\| +1 \\|")
            .contains("(2 marks) of group shop");
    }

    @Test
    void showStatsPerTableAndSequenceAndDetailed() {
        String out = shell.run("SHOW STATS SINCE 'start' UNTIL 'm1';").out();
        String detailed = shell.run("SHOW STATS SINCE 'start' DETAILED;").out();

        assertThat(out).containsPattern("(?m)^ app.customer +\\| table +\\| +4$")
            .containsPattern("(?m)^ app.orders +\\| table +\\| +2$")
            .containsPattern("(?m)^ app.order_seq +\\| sequence +\\| +2$");
        assertThat(detailed).containsPattern("(?m)^ app.customer \\| \\w+ +\\| UPDATE \\| +4$")
            .containsPattern("(?m)^ app.orders +\\| \\w+ +\\| DELETE \\| +1$")
            .containsPattern("(?m)^ app.orders +\\| \\w+ +\\| INSERT \\| +2$");
    }

    @Test
    void showGroupTablesAndSequences() {
        assertThat(shell.run("SHOW GROUP shop;").out()).containsPattern("(?m)^ state +\\| LOGGING$")
            .containsPattern("(?m)^ last mark +\\| m1$");
        assertThat(shell.run("SHOW TABLES;").out()).contains(" app.customer ").contains(" app.orders ")
            .contains("(2 tables) in group shop");
        assertThat(shell.run("SHOW SEQUENCES;").out()).contains(" app.order_seq").contains("(1 sequence) in group shop");
    }

    @Test
    void showHistoryListsTheGroupsOperationsNewestFirst() {
        String out = shell.run("SHOW HISTORY LIMIT 50;").out();

        assertThat(out).contains("CREATE_GROUP").contains("START_GROUPS").contains("MARK SET")
            .contains("about group shop, newest first");
    }

    @Test
    void verifyReportsNoError() {
        String out = shell.run("VERIFY;").out();

        assertThat(out).contains("Warning: The 'dblink_user_password' parameter value is not set.")
            .contains("(0 errors, 1 warning)");
    }

    @Test
    void anUnknownGroupListsTheExistingOnes() {
        ShellHarness.Output out = shell.run("SHOW MARKS OF GROUP nope;");

        assertThat(out.err()).contains("the group \"nope\" does not exist");
    }
}
