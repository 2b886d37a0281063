package org.emajshell.cli;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** emaj-shell -f and -c against a real server: what a CI job sees. */
class ScriptRunTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path dir;

    private ShellProcess.Outcome shell(String... args) throws Exception {
        List<String> all = new ArrayList<>(db.connectionArgs());
        all.addAll(List.of(args));
        return ShellProcess.run(all);
    }

    @Test
    void scriptRollsTwoTablesLinkedByAForeignKeyBackToTheMark() throws Exception {
        db.execute("""
            CREATE SCHEMA app;
            CREATE TABLE app.customer (id int PRIMARY KEY, name text NOT NULL, city text);
            CREATE TABLE app.orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES app.customer(id),
                                     amount numeric(10,2) NOT NULL);
            INSERT INTO app.customer VALUES (1, 'Alice', 'Paris'), (2, 'Bob', 'Lyon'), (3, 'Carol', 'Nice');
            INSERT INTO app.orders VALUES (10, 1, 12.50), (11, 2, 7.00), (12, 2, 99.99);
            """);
        Path script = dir.resolve("reset.emaj");
        Files.writeString(script, """
            -- a group on two tables with a foreign key, a mark, some changes, a rollback
            CREATE GROUP app_group COMMENT 'two tables';
            ASSIGN TABLES IN SCHEMA app TO GROUP app_group;
            START GROUP app_group;
            MARK GROUP app_group 'before-batch';
            INSERT INTO app.customer VALUES (4, 'Dmitri', 'Lille');
            INSERT INTO app.orders VALUES (13, 4, 5.00);
            UPDATE app.customer SET city = 'Marseille' WHERE id = 1;
            UPDATE app.orders SET amount = amount * 2 WHERE customer_id = 2;
            DELETE FROM app.orders WHERE id = 10;
            UPDATE app.customer SET id = 30 WHERE id = 3;
            ROLLBACK GROUP app_group TO MARK 'before-batch';
            """);
        String customersAtMark = db.queryForRows("SELECT * FROM app.customer ORDER BY id").toString();
        String ordersAtMark = db.queryForRows("SELECT * FROM app.orders ORDER BY id").toString();

        ShellProcess.Outcome outcome = shell("-f", script.toString());

        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out())
            .contains("Group app_group created")
            .contains("2 tables assigned to group app_group")
            .contains("Mark 'before-batch' set on group app_group")
            .contains("Rolled back group app_group to mark 'before-batch'");
        assertThat(db.queryForRows("SELECT * FROM app.customer ORDER BY id").toString()).isEqualTo(customersAtMark);
        assertThat(db.queryForRows("SELECT * FROM app.orders ORDER BY id").toString()).isEqualTo(ordersAtMark);
    }

    @Test
    void dashCShowsGroupsAsAnAlignedTable() throws Exception {
        db.execute("""
            CREATE SCHEMA IF NOT EXISTS shown;
            CREATE TABLE shown.t (id int PRIMARY KEY, v text);
            SELECT emaj.emaj_create_group('shown_group', true, 'for SHOW GROUPS');
            SELECT emaj.emaj_assign_table('shown', 't', 'shown_group');
            """);

        ShellProcess.Outcome outcome = shell("-c", "SHOW GROUPS");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).containsPattern("(?m)^ +group +│ +type +│ +state +│ tables │ sequences │ marks │ changes since last mark │ +comment$");
        assertThat(outcome.out()).containsPattern("(?m)^ shown_group +│ ROLLBACKABLE │ IDLE +│ +1 │ +0 │ +0 │ +│ for SHOW GROUPS$");
        assertThat(outcome.out()).contains("group");
    }

    @Test
    void anErrorStopsTheScriptWithExitCode3AndNamesFileAndLine() throws Exception {
        Path script = dir.resolve("broken.emaj");
        Files.writeString(script, """
            SELECT 1;
            START GROUP no_such_group;
            SELECT 'not reached';
            """);

        ShellProcess.Outcome outcome = shell("-f", script.toString());

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.err()).contains(script + ":2: ERROR: The group \"no_such_group\" does not exist.");
        assertThat(outcome.out()).doesNotContain("not reached");
    }

    @Test
    void plainSqlPassesThroughAndPrintsItsRows() throws Exception {
        ShellProcess.Outcome outcome = shell("-c", "SELECT 40 + 2 AS answer, 'x' AS letter;");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).isEqualTo(" answer │ letter\n────────┼────────\n     42 │ x\n(1 row)\n\n");
    }
}
