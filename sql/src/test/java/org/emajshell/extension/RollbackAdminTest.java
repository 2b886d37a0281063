package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emajshell.extension.RollbackSupport.rollback;

/** Estimates, activity, comments and state cleanup of rollbacks. */
class RollbackAdminTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A group of two tables with an ignored trigger that sleeps p_sleep seconds per statement on t2. */
    private static int newGroup(double sleep) {
        int n = COUNTER.incrementAndGet();
        String s = "s" + n;
        db.execute("CREATE SCHEMA " + s + ";"
            + "CREATE TABLE " + s + ".t1 (id int PRIMARY KEY, v text);"
            + "CREATE TABLE " + s + ".t2 (id int PRIMARY KEY, v text);"
            + "CREATE FUNCTION " + s + ".slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(" + sleep + "); RETURN NULL; END $$;"
            + "CREATE TRIGGER slow AFTER INSERT ON " + s + ".t2 FOR EACH STATEMENT EXECUTE FUNCTION " + s + ".slow();"
            + "INSERT INTO " + s + ".t1 SELECT i, 'v' || i FROM generate_series(1, 100) i;"
            + "INSERT INTO " + s + ".t2 SELECT i, 'v' || i FROM generate_series(1, 100) i;"
            + "SELECT emaj.emaj_create_group('g" + n + "');"
            + "SELECT emaj.emaj_assign_table('" + s + "', 't1', 'g" + n + "');"
            + "SELECT emaj.emaj_assign_table('" + s + "', 't2', 'g" + n + "', '{\"ignored_triggers\": [\"slow\"]}');"
            + "SELECT emaj.emaj_start_group('g" + n + "', 'M1');"
            + "UPDATE " + s + ".t1 SET v = 'changed' WHERE id <= 50;"
            + "DELETE FROM " + s + ".t2 WHERE id > 10;");
        return n;
    }

    @Test
    void estimateReturnsAPositiveDurationAndChecksLikeARollback() {
        int n = newGroup(0);
        String estimate = db.queryForString("SELECT emaj.emaj_estimate_rollback_group('g" + n + "', 'M1', false) > interval '0'");
        assertThat(estimate).isEqualTo("t");
        assertThat(db.queryForString("SELECT emaj.emaj_estimate_rollback_groups(ARRAY['g" + n + "'], 'EMAJ_LAST_MARK', true) > interval '0'"))
            .isEqualTo("t");
        assertThatThrownBy(() -> db.queryForString("SELECT emaj.emaj_estimate_rollback_group('g" + n + "', 'nope', false)"))
            .hasMessageContaining("_check_mark_name: The mark \"nope\" does not exist for the group \"g" + n + "\".");
        assertThatThrownBy(() -> db.queryForString("SELECT emaj.emaj_estimate_rollback_group('none', 'M1', false)"))
            .hasMessageContaining("_check_group_names: The group \"none\" does not exist.");
        // nothing was written
        assertThat(db.queryForString("SELECT count(*) FROM emaj.emaj_rlbk WHERE 'g" + n + "' = ANY (rlbk_groups)")).isEqualTo("0");
        // after a rollback, the estimate of the same work uses the recorded durations
        rollback(db, "emaj_rollback_group('g" + n + "', 'M1')");
        db.execute("UPDATE s" + n + ".t1 SET v = 'again' WHERE id <= 50");
        assertThat(db.queryForString("SELECT count(*) > 0 FROM emaj.emaj_rlbk_stat WHERE rlbt_schema = 's" + n + "'")).isEqualTo("t");
        assertThat(db.queryForString("SELECT emaj.emaj_estimate_rollback_group('g" + n + "', 'M1', false) > interval '0'")).isEqualTo("t");
    }

    @Test
    void commentRollback() {
        int n = newGroup(0);
        rollback(db, "emaj_rollback_group('g" + n + "', 'M1')");
        String id = db.queryForString("SELECT max(rlbk_id) FROM emaj.emaj_rlbk");
        db.execute("SELECT emaj.emaj_comment_rollback(" + id + ", 'my comment')");
        assertThat(db.queryForString("SELECT rlbk_comment FROM emaj.emaj_rlbk WHERE rlbk_id = " + id)).isEqualTo("my comment");
        db.execute("SELECT emaj.emaj_comment_rollback(" + id + ", NULL)");
        assertThat(db.queryForString("SELECT rlbk_comment FROM emaj.emaj_rlbk WHERE rlbk_id = " + id)).isNull();
        assertThatThrownBy(() -> db.execute("SELECT emaj.emaj_comment_rollback(-5, 'x')"))
            .hasMessageContaining("emaj_comment_rollback: The rollback id \"-5\" does not exist.");
    }

    @Test
    void activityShowsARunningRollbackFromAnotherSession() throws Exception {
        int n = newGroup(1.5);
        assertThat(db.queryForList("SELECT rlbk_id FROM emaj.emaj_rollback_activity()")).isEmpty();
        CompletableFuture<List<String>> running = CompletableFuture.supplyAsync(() -> {
            try (Connection c = db.newConnection(); Statement st = c.createStatement()) {
                // a short rollback publishes its progress after 0.5 s; this one from the start
                st.execute("SET emaj.rlbk_monitor_estimate = 0");
                ResultSet rs = st.executeQuery("SELECT * FROM emaj.emaj_rollback_group('g" + n + "', 'M1', false, 'watched')");
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(2));
                }
                return rows;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<List<String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!running.isDone() && System.nanoTime() < deadline) {
            seen.addAll(db.queryForRows("SELECT rlbk_status::text, rlbk_completion_pct::text, rlbk_comment, rlbk_nb_table::text,"
                + " (rlbk_remaining IS NOT NULL)::text, array_to_string(rlbk_groups, ',') FROM emaj.emaj_rollback_activity()"));
            Thread.sleep(50);
        }
        assertThat(running.get(20, TimeUnit.SECONDS)).hasSize(3);
        assertThat(seen).isNotEmpty();
        assertThat(seen).allSatisfy(r -> {
            assertThat(r.get(2)).isEqualTo("watched");
            if (!r.get(0).equals("PLANNING")) {
                assertThat(r.get(3)).isEqualTo("2");
            }
            assertThat(r.get(5)).isEqualTo("g" + n);
        });
        assertThat(seen).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("EXECUTING"));
        assertThat(seen.stream().map(r -> Integer.parseInt(r.get(1)))).allMatch(p -> p >= 0 && p <= 100);
        // once committed, it is no longer in progress
        assertThat(db.queryForList("SELECT rlbk_id FROM emaj.emaj_rollback_activity()")).isEmpty();
        assertThat(db.queryForString("SELECT rlbk_status FROM emaj.emaj_rlbk WHERE rlbk_comment = 'watched'")).isEqualTo("COMMITTED");
    }

    @Test
    void cleanupMarksTheRollbacksThatDidNotCommit() throws Exception {
        int n = newGroup(0);
        try (Connection c = db.newConnection(); Statement st = c.createStatement()) {
            st.execute("SET emaj.rlbk_monitor_estimate = 0");
            c.setAutoCommit(false);
            st.executeQuery("SELECT * FROM emaj.emaj_rollback_group('g" + n + "', 'M1', false, 'undone')").close();
            c.rollback();
        }
        // the progress connection wrote a COMPLETED row that the caller's rollback left behind
        assertThat(db.queryForString("SELECT rlbk_status FROM emaj.emaj_rlbk WHERE rlbk_comment = 'undone'")).isEqualTo("COMPLETED");
        assertThat(db.queryForString("SELECT emaj.emaj_cleanup_rollback_state()")).isEqualTo("1");
        assertThat(db.queryForString("SELECT rlbk_status FROM emaj.emaj_rlbk WHERE rlbk_comment = 'undone'")).isEqualTo("ABORTED");
        assertThat(db.queryForString("SELECT emaj.emaj_cleanup_rollback_state()")).isEqualTo("0");
        // the group was not rolled back
        assertThat(db.queryForString("SELECT count(*) FROM s" + n + ".t1 WHERE v = 'changed'")).isEqualTo("50");
    }
}
