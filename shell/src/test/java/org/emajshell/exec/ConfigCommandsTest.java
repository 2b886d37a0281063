package org.emajshell.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** EXPORT / IMPORT CONFIGURATION and GENERATE SQL, with files on the shell's side. */
class ConfigCommandsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path dir;

    private ShellHarness shell;

    @BeforeEach
    void setUp() throws Exception {
        db.execute("""
            DROP SCHEMA IF EXISTS app CASCADE;
            CREATE SCHEMA app;
            CREATE TABLE app.customer (id int PRIMARY KEY, name text);
            CREATE TABLE app.orders (id int PRIMARY KEY, amount int);
            """);
        shell = new ShellHarness(db);
        shell.run("CREATE GROUP shop COMMENT 'the shop'; ASSIGN TABLES IN SCHEMA app TO GROUP shop;");
    }

    @AfterEach
    void tearDown() {
        shell.run("STOP GROUP shop FORCE; DROP GROUP shop FORCE; DROP GROUP copy FORCE;");
        shell.close();
    }

    @Test
    void exportWritesTheGroupsJsonAndImportRecreatesThem() throws Exception {
        Path file = dir.resolve("groups.json");

        ShellHarness.Output exported = shell.run("EXPORT CONFIGURATION GROUPS shop TO '" + file + "';");
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));

        assertThat(exported.err()).isEmpty();
        assertThat(exported.out()).contains("Configuration of group shop written to " + file);
        assertThat(json.path("tables_groups").get(0).path("group").asText()).isEqualTo("shop");
        assertThat(json.path("tables_groups").get(0).path("tables")).hasSize(2);

        shell.run("DROP GROUP shop;");
        ShellHarness.Output imported = shell.run("IMPORT CONFIGURATION FROM '" + file + "';");

        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).contains("1 group imported from " + file);
        assertThat(db.queryForString("SELECT group_nb_table FROM emaj.emaj_group WHERE group_name = 'shop'")).isEqualTo("2");
    }

    @Test
    void generateSqlWritesAReplayScript() throws Exception {
        Path file = dir.resolve("replay.sql");
        shell.run("""
            START GROUP shop MARK 'start';
            INSERT INTO app.customer VALUES (1, 'Ann');
            UPDATE app.customer SET name = 'Anne' WHERE id = 1;
            INSERT INTO app.orders VALUES (7, 70);
            MARK GROUP shop 'end';
            """);

        ShellHarness.Output out = shell.run("GENERATE SQL OF GROUP shop SINCE 'start' UNTIL 'end' TO '" + file + "';");

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("Replay script of group shop since 'start' written to " + file);
        String script = Files.readString(file);
        assertThat(script).contains("INSERT INTO").contains("customer").contains("UPDATE").contains("orders");
    }

    @Test
    void importingAMissingFileSaysWhereItLooked() {
        ShellHarness.Output out = shell.run("IMPORT CONFIGURATION FROM '" + dir.resolve("nope.json") + "';");

        assertThat(out.err()).contains("cannot read " + dir.resolve("nope.json"))
            .contains("it is read by the shell, not the server");
    }
}
