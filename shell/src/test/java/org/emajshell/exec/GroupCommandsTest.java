package org.emajshell.exec;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Group definition and life cycle commands, typed as a user would, against a real server. */
class GroupCommandsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private ShellHarness shell;

    @BeforeEach
    void setUp() throws Exception {
        db.execute("""
            DROP SCHEMA IF EXISTS app CASCADE;
            CREATE SCHEMA app;
            CREATE TABLE app.customer (id int PRIMARY KEY, name text);
            CREATE TABLE app.orders (id int PRIMARY KEY, customer_id int REFERENCES app.customer(id));
            CREATE TABLE app.tmp_import (id int PRIMARY KEY);
            CREATE TABLE app.nopk (v text);
            CREATE SEQUENCE app.order_seq;
            """);
        shell = new ShellHarness(db);
    }

    @AfterEach
    void tearDown() {
        shell.run("STOP GROUPS g1, g2 FORCE;");
        shell.run("DROP GROUP g1 FORCE; DROP GROUP g2 FORCE; DROP GROUP audit FORCE;");
        shell.close();
    }

    private String group(String column, String group) {
        return db.queryForString("SELECT " + column + "::text FROM emaj.emaj_group WHERE group_name = '" + group + "'");
    }

    @Test
    void createGroupWithTypeAndComment() {
        ShellHarness.Output out = shell.run("CREATE GROUP g1 COMMENT 'first'; CREATE GROUP audit AUDIT_ONLY;");

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("Group g1 created (ROLLBACKABLE)").contains("Group audit created (AUDIT_ONLY)");
        assertThat(group("group_comment", "g1")).isEqualTo("first");
        assertThat(group("group_is_rollbackable", "audit")).isEqualTo("false");
    }

    @Test
    void creatingAnExistingGroupKeepsEmajsMessage() {
        shell.run("CREATE GROUP g1;");

        ShellHarness.Output out = shell.run("CREATE GROUP g1;");

        assertThat(out.err()).contains("ERROR: The group \"g1\" already exists.");
    }

    @Test
    void assignListedAndFilteredTablesAndSequences() {
        shell.run("CREATE GROUP g1;");

        ShellHarness.Output out = shell.run("""
            ASSIGN TABLES IN SCHEMA app MATCHING '^(customer|orders)$' TO GROUP g1 WITH (priority = 5);
            ASSIGN SEQUENCE app.order_seq TO GROUP g1;
            """);

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("2 tables assigned to group g1.").contains("1 sequence assigned to group g1.");
        assertThat(db.queryForList("SELECT rel_tblseq || ':' || coalesce(rel_priority::text, '-') FROM emaj.emaj_relation"
            + " WHERE rel_group = 'g1' ORDER BY 1")).containsExactly("customer:5", "order_seq:-", "orders:5");
    }

    @Test
    void aTableWithoutPrimaryKeyIsRefusedWithAHint() {
        shell.run("CREATE GROUP g1;");

        ShellHarness.Output out = shell.run("ASSIGN TABLE app.nopk TO GROUP g1;");

        assertThat(out.err()).contains("some tables (nopk) have no PRIMARY KEY")
            .contains("HINT: Add a primary key to those tables, or use a group created AUDIT_ONLY");
        assertThat(group("group_nb_table", "g1")).isEqualTo("0");
    }

    @Test
    void theCurrentGroupFillsLeftOutGroupClauses() {
        shell.run("CREATE GROUP g1;");

        ShellHarness.Output none = shell.run("ASSIGN TABLE app.customer;");
        ShellHarness.Output used = shell.run("USE g1; ASSIGN TABLE app.customer; START GROUP g1; MARK 'm1';");

        assertThat(none.err()).contains("ERROR: no group is selected")
            .contains("add GROUP <name> to the command, or run USE <name> first");
        assertThat(used.err()).isEmpty();
        assertThat(used.out()).contains("Current group is now g1.").contains("Group g1 started with mark 'START_")
            .contains("Mark 'm1' set on group g1 (1 table, 0 sequences).");
        assertThat(group("group_is_logging", "g1")).isEqualTo("true");
    }

    @Test
    void removeMoveAndModifyTables() {
        shell.run("CREATE GROUP g1; CREATE GROUP g2; ASSIGN TABLES app.customer, app.orders TO GROUP g1;");

        ShellHarness.Output out = shell.run("""
            MODIFY TABLE app.orders SET (priority = 1);
            MOVE TABLE app.orders TO GROUP g2;
            REMOVE TABLE app.customer;
            """);

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("1 table changed.").contains("1 table moved to group g2.")
            .contains("1 table removed from its group.");
        assertThat(db.queryForList("SELECT rel_tblseq || ':' || rel_group || ':' || coalesce(rel_priority::text, '-')"
            + " FROM emaj.emaj_relation WHERE upper_inf(rel_time_range) ORDER BY 1")).containsExactly("orders:g2:1");
    }

    @Test
    void startStopResetAndProtect() {
        shell.run("CREATE GROUP g1; ASSIGN TABLE app.customer TO GROUP g1;");

        ShellHarness.Output started = shell.run("START GROUP g1 MARK 'go'; PROTECT GROUP g1; PROTECT GROUP g1;");
        ShellHarness.Output stopped = shell.run("STOP GROUP g1; RESET GROUP g1;");

        assertThat(started.err()).isEmpty();
        assertThat(started.out()).contains("Group g1 started with mark 'go'")
            .contains("Group g1 is now protected against rollbacks.")
            .contains("Group g1 was already protected against rollbacks.");
        assertThat(stopped.err()).isEmpty();
        assertThat(stopped.out()).contains("Group g1 stopped").contains("Group g1 reset");
        assertThat(group("group_is_logging", "g1")).isEqualTo("false");
    }

    @Test
    void startingALoggingGroupExplainsWhatToDo() {
        shell.run("CREATE GROUP g1; ASSIGN TABLE app.customer TO GROUP g1; START GROUP g1;");

        ShellHarness.Output out = shell.run("START GROUP g1;");

        assertThat(out.err()).contains("The group \"g1\" is not in IDLE state.").contains("HINT: STOP GROUP g1 first");
    }

    @Test
    void dropGroupAsksFirstAndKeepsTheGroupWhenTheAnswerIsNo() throws Exception {
        shell.run("CREATE GROUP g1; ASSIGN TABLE app.customer TO GROUP g1;");
        ShellHarness.RecordingConfirmer no = new ShellHarness.RecordingConfirmer(false);
        try (ShellHarness asking = new ShellHarness(db, no)) {
            ShellHarness.Output out = asking.run("DROP GROUP g1;");

            assertThat(no.shown.toString()).contains("Drop group g1 (IDLE, 1 table, 0 sequences, 0 marks).");
            assertThat(out.out()).contains("Nothing dropped.");
        }
        assertThat(group("group_name", "g1")).isEqualTo("g1");

        ShellHarness.Output dropped = shell.run("DROP GROUP g1;");
        assertThat(dropped.out()).contains("Group g1 dropped");
        assertThat(group("group_name", "g1")).isNull();
    }

    @Test
    void commentOnGroupSetsAndRemoves() {
        shell.run("CREATE GROUP g1;");

        shell.run("COMMENT ON GROUP g1 IS 'night batch';");
        String set = group("group_comment", "g1");
        shell.run("COMMENT ON GROUP g1 IS NULL;");

        assertThat(set).isEqualTo("night batch");
        assertThat(group("group_comment", "g1")).isNull();
    }
}
