package org.emajshell.exec;

import org.emajshell.testkit.EmajDatabase;
import org.emajshell.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Rollback administration, snapshots, installation and session commands. */
class AdminCommandsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static ShellHarness shell;

    @BeforeAll
    static void setUp() throws Exception {
        db.execute("""
            CREATE SCHEMA app;
            CREATE TABLE app.item (id int PRIMARY KEY, label text);
            INSERT INTO app.item SELECT i, 'i' || i FROM generate_series(1, 10) i;
            """);
        shell = new ShellHarness(db);
        shell.run("CREATE GROUP g; ASSIGN TABLE app.item TO GROUP g; START GROUP g MARK 'start'; USE g;");
    }

    @AfterAll
    static void tearDown() {
        shell.close();
    }

    @Test
    void estimateThenConsolidateALoggedRollbackAndListRollbacks() {
        shell.run("UPDATE app.item SET label = 'changed' WHERE id <= 3;");

        ShellHarness.Output estimate = shell.run("ESTIMATE ROLLBACK TO 'start';");
        ShellHarness.Output logged = shell.run("ROLLBACK TO 'start' LOGGED;");
        String doneMark = db.queryForString("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g'"
            + " AND mark_name LIKE 'RLBK%DONE'");
        ShellHarness.Output consolidated = shell.run("CONSOLIDATE ROLLBACK TO '" + doneMark + "';");
        ShellHarness.Output rollbacks = shell.run("SHOW ROLLBACKS;");

        assertThat(estimate.out()).contains("app.item   3 rows to restore").contains("estimated duration: ");
        assertThat(logged.err()).isEmpty();
        assertThat(consolidated.err()).isEmpty();
        assertThat(consolidated.out()).contains("consolidated");
        assertThat(rollbacks.out()).containsPattern("(?m)^ +\\d+ \\| g +\\| start \\| logged \\| COMMITTED");
    }

    @Test
    void anEmajFunctionThatIsMissingIsNamedInTheError() throws Exception {
        String name = "no_verify_" + ProcessHandle.current().pid();
        String dbName = TestServer.get().createEmajDatabase(name);
        try (Connection c = TestServer.get().connect(dbName); Statement st = c.createStatement()) {
            st.execute("ALTER FUNCTION emaj.emaj_verify_all() RENAME TO emaj_verify_all_hidden");
            Session session = new Session(TestServer.get().connect(dbName));
            java.io.StringWriter err = new java.io.StringWriter();
            var printer = new org.emajshell.render.Printer(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err), false, org.emajshell.render.BorderStyle.ASCII);
            new org.emajshell.script.CommandRunner(session, new Executor(session, Confirmer.ALWAYS), printer, false)
                .run("VERIFY;", org.emajshell.script.Source.commandLine());
            session.close();
            assertThat(err.toString()).contains("emaj.emaj_verify_all() is not supported by the installed emaj (version 0.1.0)")
                .contains("This command needs a newer emaj extension.");
        } finally {
            TestServer.get().dropDatabase(dbName);
        }
    }

    @Test
    void snapWritesOneFilePerTableIntoAServerDirectory() throws Exception {
        Path dir = Files.createTempDirectory("snap");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

        ShellHarness.Output out = shell.run("SNAP GROUP g TO '" + dir + "';");

        assertThat(out.err()).isEmpty();
        assertThat(out.out()).contains("Snapshot of group g");
        assertThat(new File(dir.toFile(), "app_item.snap")).exists();
    }

    @Test
    void installEmajSaysWhenItIsAlreadyThere() {
        ShellHarness.Output out = shell.run("INSTALL EMAJ;");

        assertThat(out.err()).contains("emaj is already installed in database \"" + db.name() + "\"");
    }

    @Test
    void setEchoAndConninfo() {
        ShellHarness.Output out = shell.run("\\set who world\n\\echo hello :who\n\\conninfo\n");

        assertThat(out.out()).contains("hello world")
            .contains("You are connected to database \"" + db.name() + "\" as user \"postgres\"");
    }
}
