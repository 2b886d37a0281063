package org.emajshell.exec;

import org.emajshell.testkit.EmajDatabase;
import org.emajshell.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** REPLAY applies what was recorded to a copy of the database taken at the first mark. */
class ReplayCommandsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static final String SCHEMA = """
        CREATE SCHEMA app;
        CREATE TABLE app.customer (id int PRIMARY KEY, name text NOT NULL);
        CREATE TABLE app.orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES app.customer(id), qty int);
        INSERT INTO app.customer SELECT i, 'c' || i FROM generate_series(1, 5) i;
        INSERT INTO app.orders SELECT i, 1 + i % 5, i FROM generate_series(1, 10) i;
        """;

    private static String target;

    @BeforeAll
    static void createTarget() throws Exception {
        target = "replay_target_" + ProcessHandle.current().pid();
        TestServer.get().dropDatabase(target);
        try (Connection c = TestServer.get().connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + target);
        }
        try (Connection c = TestServer.get().connect(target); Statement st = c.createStatement()) {
            st.execute(SCHEMA);
        }
        db.execute(SCHEMA);
    }

    @AfterAll
    static void dropTarget() throws Exception {
        TestServer.get().dropDatabase(target);
    }

    private static String conninfo() {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        return "host=" + uri.getHost() + " port=" + uri.getPort() + " dbname=" + target + " user=postgres";
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void replayGivesTheTargetTheSameRowsAsTheSource() throws Exception {
        try (ShellHarness shell = new ShellHarness(db)) {
            shell.run("""
                CREATE GROUP app; ASSIGN TABLES IN SCHEMA app TO GROUP app; START GROUP app MARK 'start';
                BEGIN;
                INSERT INTO app.customer VALUES (6, 'new');
                INSERT INTO app.orders VALUES (11, 6, 1);
                COMMIT;
                UPDATE app.orders SET qty = qty * 10 WHERE customer_id = 2;
                DELETE FROM app.orders WHERE id = 5;
                UPDATE app.customer SET id = 50 WHERE id = 5;
                MARK GROUP app 'end';
                """);

            ShellHarness.Output out = shell.run("REPLAY GROUP app SINCE 'start' UNTIL 'end' ON '" + conninfo() + "';");

            assertThat(out.err()).isEmpty();
            assertThat(out.out()).containsPattern("Replayed (\\d+) of \\1 transactions \\(\\d+ statements\\) of group app since 'start' until 'end'");
        }
        try (Connection source = db.newConnection(); Connection copy = TestServer.get().connect(target)) {
            for (String sql : List.of("SELECT row(c.*)::text FROM app.customer c ORDER BY id",
                                      "SELECT row(o.*)::text FROM app.orders o ORDER BY id")) {
                assertThat(rows(copy, sql)).isEqualTo(rows(source, sql));
            }
        }
    }

    @Test
    void aWrongTargetIsReportedAndNothingIsApplied() throws Exception {
        try (ShellHarness shell = new ShellHarness(db)) {
            shell.run("CREATE GROUP other; ASSIGN TABLE app.customer TO GROUP other; START GROUP other MARK 's';");

            ShellHarness.Output out = shell.run("REPLAY GROUP other SINCE 's' ON 'host=localhost port=1 dbname=none';");

            assertThat(out.err()).contains("cannot connect to the replay target (localhost:1/none)")
                .contains("check the connection string after ON");
            shell.run("STOP GROUP other; DROP GROUP other;");
        }
    }
}
