package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.errorOf;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;
import static org.emajshell.extension.CoreSupport.newSchema;
import static org.emajshell.extension.CoreSupport.withWarnings;

/** Start, stop, force stop and reset (section a.3) and the structure checks run at start. */
class StartStopTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static String q(String sql) {
        return db.queryForString(sql);
    }

    private static int idleGroupWithTables() {
        int n = newSchema(db);
        db.execute("SELECT emaj.emaj_create_group('g" + n + "');"
            + "SELECT emaj.emaj_assign_tables('s" + n + "', ARRAY['cust', 'ord'], 'g" + n + "');"
            + "SELECT emaj.emaj_assign_sequence('s" + n + "', 'seq', 'g" + n + "');");
        return n;
    }

    @Test
    void startGroupEnablesLoggingSetsTheStartMarkAndOpensALogSession() {
        int n = idleGroupWithTables();
        assertThat(q("SELECT emaj.emaj_start_group('g" + n + "')")).isEqualTo("3");
        assertThat(q("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'"))
            .matches("START_\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d{4}");
        assertThat(q("SELECT group_is_logging FROM emaj.emaj_group WHERE group_name = 'g" + n + "'")).isEqualTo("t");
        assertThat(db.queryForRows("SELECT upper_inf(lses_time_range), lses_marks FROM emaj.emaj_log_session WHERE lses_group = 'g" + n + "'"))
            .containsExactly(List.of("t", "1"));
        assertThat(q("SELECT grph_log_sessions FROM emaj.emaj_group_hist WHERE grph_group = 'g" + n + "'")).isEqualTo("1");
        assertThat(db.queryForList("SELECT DISTINCT tgenabled::text FROM pg_trigger WHERE tgrelid = 's" + n + ".cust'::regclass"
            + " AND tgname LIKE 'emaj%'")).containsExactly("A");
        assertThat(q("SELECT count(*) FROM emaj.emaj_sequence WHERE sequ_schema = 's" + n + "'")).isEqualTo("1");
        assertThat(q("SELECT count(*) FROM emaj.emaj_table WHERE tbl_schema = 's" + n + "' AND tbl_time_id = "
            + "(SELECT mark_time_id FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "')")).isEqualTo("2");
        assertThat(q("SELECT time_event FROM emaj.emaj_time_stamp JOIN emaj.emaj_mark ON mark_time_id = time_id"
            + " WHERE mark_group = 'g" + n + "'")).isEqualTo("S");
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b')");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("1");
        assertThat(db.queryForList("SELECT hist_event FROM emaj.emaj_hist WHERE hist_function = 'START_GROUP'"
            + " AND hist_object = 'g" + n + "' ORDER BY hist_id")).containsExactly("BEGIN", "END");
    }

    @Test
    void startGroupChecks() {
        int n = newLoggingGroup(db);
        assertThat(errorOf(db, "SELECT emaj.emaj_start_group('g" + n + "')"))
            .isEqualTo("_check_group_names: The group \"g" + n + "\" is not in IDLE state.");
        CoreSupport.Result r = withWarnings(db, "SELECT emaj.emaj_start_group('g" + n + "', 'X', true, true)");
        assertThat(r.value()).isEqualTo("0");
        assertThat(r.warnings()).containsExactly("_start_groups_init: The group \"g" + n + "\" is already in LOGGING state.");
        assertThat(errorOf(db, "SELECT emaj.emaj_start_group('nosuchgroup')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
        db.execute("SELECT emaj.emaj_stop_group('g" + n + "', 'STOP1')");
        assertThat(errorOf(db, "SELECT emaj.emaj_start_group('g" + n + "', 'M1', false)"))
            .isEqualTo("_check_new_mark: The group \"g" + n + "\" already contains a mark named \"M1\".");
        assertThat(errorOf(db, "SELECT emaj.emaj_start_group('g" + n + "', 'EMAJ_LAST_MARK')"))
            .isEqualTo("_check_new_mark: \"EMAJ_LAST_MARK\" is not an allowed name for a new mark.");
    }

    @Test
    void startWithoutResetKeepsOldMarksAndLogs() {
        int n = newLoggingGroup(db);
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b'); SELECT emaj.emaj_stop_group('g" + n + "', 'STOP1');");
        assertThat(q("SELECT emaj.emaj_start_group('g" + n + "', 'M2', false)")).isEqualTo("3");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "' ORDER BY mark_time_id"))
            .containsExactly("M1", "STOP1", "M2");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("1");
        assertThat(q("SELECT count(*) FROM emaj.emaj_log_session WHERE lses_group = 'g" + n + "'")).isEqualTo("2");
        // with the default reset, old marks and logs go
        db.execute("SELECT emaj.emaj_stop_group('g" + n + "'); SELECT emaj.emaj_start_group('g" + n + "', 'M1');");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'")).containsExactly("M1");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("0");
        assertThat(q("SELECT pg_sequence_last_value('emaj_s" + n + ".cust_log_seq') IS NULL")).isEqualTo("t");
    }

    @Test
    void startGroupsStartsSeveralGroupsAtOnePointInTime() {
        int a = idleGroupWithTables(), b = idleGroupWithTables();
        assertThat(q("SELECT emaj.emaj_start_groups(ARRAY['g" + a + "', 'g" + b + "'], 'BOTH')")).isEqualTo("6");
        assertThat(q("SELECT count(DISTINCT mark_time_id) FROM emaj.emaj_mark WHERE mark_name = 'BOTH'")).isEqualTo("1");
        CoreSupport.Result r = withWarnings(db, "SELECT emaj.emaj_start_groups(ARRAY['g" + a + "', 'g" + b + "'], 'X', true, true)");
        assertThat(r.value()).isEqualTo("0");
        assertThat(r.warnings()).hasSize(2);
    }

    @Test
    void stopGroupDisablesLoggingSetsTheStopMarkAndClearsProtections() {
        int n = newLoggingGroup(db);
        db.execute("SELECT emaj.emaj_protect_group('g" + n + "'); SELECT emaj.emaj_protect_mark_group('g" + n + "', 'M1');"
            + "INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b');");
        assertThat(q("SELECT emaj.emaj_stop_group('g" + n + "')")).isEqualTo("3");
        assertThat(q("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "' ORDER BY mark_time_id DESC LIMIT 1"))
            .startsWith("STOP_");
        assertThat(db.queryForRows("SELECT group_is_logging, group_is_rlbk_protected FROM emaj.emaj_group WHERE group_name = 'g" + n + "'"))
            .containsExactly(List.of("f", "f"));
        assertThat(q("SELECT bool_or(mark_is_rlbk_protected) FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'")).isEqualTo("f");
        assertThat(db.queryForRows("SELECT upper_inf(lses_time_range), lses_log_rows, lses_marks FROM emaj.emaj_log_session"
            + " WHERE lses_group = 'g" + n + "'")).containsExactly(List.of("f", "1", "2"));
        db.execute("INSERT INTO s" + n + ".cust VALUES (2, 'a', 'b')");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("1");
        assertThat(q("SELECT time_event FROM emaj.emaj_time_stamp WHERE time_id = (SELECT max(mark_time_id) FROM emaj.emaj_mark"
            + " WHERE mark_group = 'g" + n + "')")).isEqualTo("X");
    }

    @Test
    void stopGroupChecksAndOptions() {
        int n = newLoggingGroup(db);
        db.execute("SELECT emaj.emaj_stop_group('g" + n + "', 'S1')");
        assertThat(errorOf(db, "SELECT emaj.emaj_stop_group('g" + n + "')"))
            .isEqualTo("_check_group_names: The group \"g" + n + "\" is not in LOGGING state.");
        CoreSupport.Result r = withWarnings(db, "SELECT emaj.emaj_stop_group('g" + n + "', NULL, false, true)");
        assertThat(r.value()).isEqualTo("0");
        assertThat(r.warnings()).containsExactly("_stop_groups_init: The group \"g" + n + "\" is already in IDLE state.");
        db.execute("SELECT emaj.emaj_start_group('g" + n + "', 'M2', false)");
        assertThat(errorOf(db, "SELECT emaj.emaj_stop_group('g" + n + "', 'S1')"))
            .isEqualTo("_check_new_mark: The group \"g" + n + "\" already contains a mark named \"S1\".");
        // stop with log reset: no mark and no log left
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b')");
        assertThat(q("SELECT emaj.emaj_stop_group('g" + n + "', 'S2', true)")).isEqualTo("3");
        assertThat(q("SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'")).isEqualTo("0");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("0");
    }

    @Test
    void stopGroupsStopsSeveralGroups() {
        int a = newLoggingGroup(db), b = newLoggingGroup(db);
        assertThat(q("SELECT emaj.emaj_stop_groups(ARRAY['g" + a + "', 'g" + b + "'], 'END')")).isEqualTo("6");
        assertThat(q("SELECT count(DISTINCT mark_time_id) FROM emaj.emaj_mark WHERE mark_name = 'END'")).isEqualTo("1");
        assertThat(errorOf(db, "SELECT emaj.emaj_stop_groups(ARRAY['g" + a + "', 'g" + b + "'])"))
            .isEqualTo("_check_group_names: The groups \"g" + a + ", g" + b + "\" are not in LOGGING state.");
    }

    @Test
    void forceStopGroupToleratesAMissingTriggerAndKeepsMarksAndLogs() {
        int n = newLoggingGroup(db);
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b');"
            + "SELECT emaj.emaj_disable_protection_by_event_triggers();"
            + "DROP TRIGGER emaj_log_trg_ins ON s" + n + ".cust;"
            + "SELECT emaj.emaj_enable_protection_by_event_triggers();");
        assertThat(q("SELECT emaj.emaj_force_stop_group('g" + n + "')")).isEqualTo("3");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'")).containsExactly("M1");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("1");
        assertThat(q("SELECT group_is_logging FROM emaj.emaj_group WHERE group_name = 'g" + n + "'")).isEqualTo("f");
        assertThat(q("SELECT upper_inf(lses_time_range) FROM emaj.emaj_log_session WHERE lses_group = 'g" + n + "'")).isEqualTo("f");
        CoreSupport.Result r = withWarnings(db, "SELECT emaj.emaj_force_stop_group('g" + n + "')");
        assertThat(r.value()).isEqualTo("0");
        assertThat(errorOf(db, "SELECT emaj.emaj_force_stop_group('nosuchgroup')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
        // the damaged group can still be dropped
        assertThat(q("SELECT emaj.emaj_drop_group('g" + n + "')")).isEqualTo("3");
    }

    @Test
    void resetGroupPurgesLogsAndMarksOfAnIdleGroup() {
        int n = newLoggingGroup(db);
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b')");
        assertThat(errorOf(db, "SELECT emaj.emaj_reset_group('g" + n + "')"))
            .isEqualTo("_check_group_names: The group \"g" + n + "\" is not in IDLE state.");
        db.execute("SELECT emaj.emaj_stop_group('g" + n + "')");
        assertThat(q("SELECT emaj.emaj_reset_group('g" + n + "')")).isEqualTo("3");
        assertThat(q("SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'")).isEqualTo("0");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("0");
        assertThat(errorOf(db, "SELECT emaj.emaj_reset_group('nosuchgroup')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void startAndMarkRefuseAStructureDrift() {
        int n = newLoggingGroup(db);
        db.execute("ALTER TABLE s" + n + ".cust ADD COLUMN extra int");
        String expected = "_verify_groups (6): In table group \"g" + n + "\", the structure of the application table \"s" + n
            + "\".\"cust\" is not coherent with its log table (\"emaj_s" + n + "\".\"cust_log\"). You may use"
            + " \"SELECT * FROM emaj.emaj_verify_all()\" to look for other issues.";
        assertThat(errorOf(db, "SELECT emaj.emaj_set_mark_group('g" + n + "', 'M2')")).isEqualTo(expected);
        db.execute("SELECT emaj.emaj_stop_group('g" + n + "')");
        assertThat(errorOf(db, "SELECT emaj.emaj_start_group('g" + n + "')")).isEqualTo(expected);
        // the documented repair: remove and re-assign the table
        db.execute("SELECT emaj.emaj_remove_table('s" + n + "', 'cust'); SELECT emaj.emaj_assign_table('s" + n + "', 'cust', 'g" + n + "');");
        assertThat(q("SELECT emaj.emaj_start_group('g" + n + "')")).isEqualTo("3");
    }

    @Test
    void startRefusesATableThatLostItsPrimaryKey() {
        int n = newSchema(db);
        db.execute("CREATE TABLE s" + n + ".k (id int CONSTRAINT k_pk PRIMARY KEY);"
            + "SELECT emaj.emaj_create_group('g" + n + "'); SELECT emaj.emaj_assign_table('s" + n + "', 'k', 'g" + n + "');"
            + "SELECT emaj.emaj_disable_protection_by_event_triggers();"
            + "ALTER TABLE s" + n + ".k DROP CONSTRAINT k_pk;"
            + "SELECT emaj.emaj_enable_protection_by_event_triggers();");
        assertThat(errorOf(db, "SELECT emaj.emaj_start_group('g" + n + "')"))
            .isEqualTo("_verify_groups (9): In rollbackable group \"g" + n + "\", the table \"s" + n + "\".\"k\" has no primary key any more."
                + " You may use \"SELECT * FROM emaj.emaj_verify_all()\" to look for other issues.");
    }

    @Test
    void lockGroupsRefusesAnUnknownLockMode() {
        int n = newLoggingGroup(db);
        assertThat(errorOf(db, "SELECT emaj._lock_groups(ARRAY['g" + n + "'], 'NOT A MODE', false)"))
            .isEqualTo("_lock_groups: The lock mode \"NOT A MODE\" is not valid.");
        db.execute("BEGIN; SELECT emaj._lock_groups(ARRAY['g" + n + "'], 'exclusive', false); COMMIT;");
    }
}
