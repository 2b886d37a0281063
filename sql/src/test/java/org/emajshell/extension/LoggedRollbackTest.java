package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emajshell.extension.RollbackSupport.rollback;
import static org.emajshell.extension.RollbackSupport.snapshot;

/** Logged rollbacks, their own rollback, and their consolidation. */
class LoggedRollbackTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static int newGroup() {
        int n = COUNTER.incrementAndGet();
        String s = "s" + n;
        db.execute("CREATE SCHEMA " + s + ";"
            + "CREATE TABLE " + s + ".parent (id int PRIMARY KEY, v text);"
            + "CREATE TABLE " + s + ".child (id int PRIMARY KEY, pid int REFERENCES " + s + ".parent ON DELETE CASCADE, w text);"
            + "CREATE SEQUENCE " + s + ".seq;"
            + "INSERT INTO " + s + ".parent VALUES (1, 'a'), (2, 'b');"
            + "INSERT INTO " + s + ".child VALUES (1, 1, 'x'), (2, 2, 'y');"
            + "SELECT emaj.emaj_create_group('g" + n + "');"
            + "SELECT emaj.emaj_assign_tables('" + s + "', '.*', '', 'g" + n + "');"
            + "SELECT emaj.emaj_assign_sequence('" + s + "', 'seq', 'g" + n + "');"
            + "SELECT emaj.emaj_start_group('g" + n + "', 'M1');");
        return n;
    }

    private static void change(int n) {
        String s = "s" + n;
        db.execute("SELECT nextval('" + s + ".seq');"
            + "INSERT INTO " + s + ".parent VALUES (3, 'c'); INSERT INTO " + s + ".child VALUES (3, 3, 'z');"
            + "UPDATE " + s + ".parent SET v = v || '!';"
            + "DELETE FROM " + s + ".parent WHERE id = 1;"
            + "UPDATE " + s + ".child SET id = 20 WHERE id = 2;");
    }

    private static String logRows(int n, String table) {
        return db.queryForString("SELECT count(*) FROM emaj_s" + n + "." + table + "_log");
    }

    @Test
    void loggedRollbackRestoresTheDataAndKeepsLogsAndMarks() {
        int n = newGroup();
        Map<String, String> atM1 = snapshot(db, "s" + n);
        change(n);
        db.execute("SELECT emaj.emaj_set_mark_group('g" + n + "', 'M2')");
        String parentLogBefore = logRows(n, "parent");

        List<String> report = rollback(db, "emaj_logged_rollback_group('g" + n + "', 'M1', false, 'logged one')");

        String id = db.queryForString("SELECT max(rlbk_id) FROM emaj.emaj_rlbk");
        assertThat(report).containsExactly("Notice: Rollback id = " + id + ".",
            "Notice: 2 / 2 tables effectively processed.", "Notice: 1 / 1 sequences effectively processed.");
        assertThat(snapshot(db, "s" + n)).isEqualTo(atM1);
        assertThat(db.queryForList("SELECT mark_name || ':' || coalesce(mark_logged_rlbk_target_mark, '-') FROM emaj.emaj_mark"
            + " WHERE mark_group = 'g" + n + "' ORDER BY mark_time_id"))
            .containsExactly("M1:-", "M2:-", "RLBK_" + id + "_START:-", "RLBK_" + id + "_DONE:M1");
        // the undo itself is logged: more log rows than before
        assertThat(Long.parseLong(logRows(n, "parent"))).isGreaterThan(Long.parseLong(parentLogBefore));
        assertThat(db.queryForString("SELECT count(*) FROM emaj.emaj_seq_hole WHERE sqhl_schema = 's" + n + "'")).isEqualTo("0");
        assertThat(db.queryForString("SELECT rlbk_status || ',' || rlbk_is_logged || ',' || rlbk_comment FROM emaj.emaj_rlbk WHERE rlbk_id = " + id))
            .isEqualTo("COMMITTED,true,logged one");
    }

    @Test
    void aLoggedRollbackCanBeRolledBack() {
        int n = newGroup();
        change(n);
        Map<String, String> afterChanges = snapshot(db, "s" + n);
        rollback(db, "emaj_logged_rollback_group('g" + n + "', 'M1')");
        String id = db.queryForString("SELECT max(rlbk_id) FROM emaj.emaj_rlbk");

        rollback(db, "emaj_rollback_group('g" + n + "', 'RLBK_" + id + "_START')");
        assertThat(snapshot(db, "s" + n)).isEqualTo(afterChanges);

        // and the same with a logged rollback of the logged rollback
        Map<String, String> atM1Again = snapshot(db, "s" + n);
        rollback(db, "emaj_logged_rollback_groups(ARRAY['g" + n + "'], 'M1')");
        String id2 = db.queryForString("SELECT max(rlbk_id) FROM emaj.emaj_rlbk");
        rollback(db, "emaj_logged_rollback_group('g" + n + "', 'RLBK_" + id2 + "_START')");
        assertThat(snapshot(db, "s" + n)).isEqualTo(atM1Again);
    }

    @Test
    void consolidationTurnsALoggedRollbackIntoAnUnloggedOne() {
        int n = newGroup();
        String g = "g" + n;
        change(n);
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'M2')");
        rollback(db, "emaj_logged_rollback_group('" + g + "', 'M1')");
        String id = db.queryForString("SELECT max(rlbk_id) FROM emaj.emaj_rlbk");
        String done = "RLBK_" + id + "_DONE";
        Map<String, String> state = snapshot(db, "s" + n);

        assertThat(db.queryForRows("SELECT cons_group, cons_target_rlbk_mark_name, cons_end_rlbk_mark_name, cons_marks"
            + " FROM emaj.emaj_get_consolidable_rollbacks() WHERE cons_group = '" + g + "'"))
            .containsExactly(List.of(g, "M1", done, "2"));
        assertThat(db.queryForString("SELECT cons_rows > 0 FROM emaj.emaj_get_consolidable_rollbacks() WHERE cons_group = '" + g + "'"))
            .isEqualTo("t");

        assertThatThrownBy(() -> db.queryForString("SELECT emaj.emaj_consolidate_rollback_group('" + g + "', 'M2')"))
            .hasMessageContaining("emaj_consolidate_rollback_group: The mark \"M2\" for the group \"" + g + "\" is not an end rollback mark.");

        assertThat(db.queryForString("SELECT emaj.emaj_consolidate_rollback_group('" + g + "', '" + done + "')")).isEqualTo("3");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = '" + g + "' ORDER BY mark_time_id"))
            .containsExactly("M1", done);
        assertThat(logRows(n, "parent")).isEqualTo("0");
        assertThat(logRows(n, "child")).isEqualTo("0");
        assertThat(snapshot(db, "s" + n)).isEqualTo(state);
        assertThat(db.queryForList("SELECT cons_group FROM emaj.emaj_get_consolidable_rollbacks() WHERE cons_group = '" + g + "'")).isEmpty();
        assertThat(db.queryForString("SELECT coalesce(sum(stat_rows), 0) FROM emaj.emaj_log_stat_group('" + g + "', 'M1', '" + done + "')"))
            .isEqualTo("0");
        // a later rollback to M1 has nothing to do but still works
        db.execute("UPDATE s" + n + ".parent SET v = 'later'");
        rollback(db, "emaj_rollback_group('" + g + "', 'M1')");
        assertThat(snapshot(db, "s" + n)).isEqualTo(state);
    }
}
