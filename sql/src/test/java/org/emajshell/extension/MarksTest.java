package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.errorOf;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;

/** Marks (section a.4) and group protection (section a.5). */
class MarksTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static String q(String sql) {
        return db.queryForString(sql);
    }

    @Test
    void setMarkGroupRecordsStatesAndCountsRowsOfThePreviousMark() {
        int n = newLoggingGroup(db);
        String s = "s" + n, g = "g" + n;
        db.execute("INSERT INTO " + s + ".cust VALUES (1, 'a', 'b'), (2, 'c', 'd'); UPDATE " + s + ".cust SET city = 'x';"
            + "SELECT nextval('" + s + ".seq');");
        assertThat(q("SELECT emaj.emaj_set_mark_group('" + g + "', 'M2', 'a comment')")).isEqualTo("3");
        assertThat(db.queryForRows("SELECT mark_name, mark_comment, mark_log_rows_before_next, mark_is_rlbk_protected FROM emaj.emaj_mark"
            + " WHERE mark_group = '" + g + "' ORDER BY mark_time_id")).containsExactly(
                java.util.Arrays.asList("M1", null, "4", "f"), java.util.Arrays.asList("M2", "a comment", null, "f"));
        String timeId = q("SELECT mark_time_id FROM emaj.emaj_mark WHERE mark_group = '" + g + "' AND mark_name = 'M2'");
        assertThat(db.queryForRows("SELECT tbl_name, tbl_log_seq_last_val FROM emaj.emaj_table WHERE tbl_time_id = " + timeId
            + " ORDER BY 1")).containsExactly(List.of("cust", "4"), List.of("ord", "0"));
        assertThat(db.queryForRows("SELECT sequ_name, sequ_last_val, sequ_is_called FROM emaj.emaj_sequence WHERE sequ_time_id = "
            + timeId)).containsExactly(List.of("seq", "1", "t"));
        assertThat(q("SELECT time_event FROM emaj.emaj_time_stamp WHERE time_id = " + timeId)).isEqualTo("M");
        assertThat(q("SELECT time_last_emaj_gid = (SELECT max(emaj_gid) FROM emaj_" + s + ".cust_log) FROM emaj.emaj_time_stamp"
            + " WHERE time_id = " + timeId)).isEqualTo("t");
        assertThat(q("SELECT lses_marks FROM emaj.emaj_log_session WHERE lses_group = '" + g + "'")).isEqualTo("2");
        assertThat(q("SELECT hist_wording FROM emaj.emaj_hist WHERE hist_function = 'SET_MARK_GROUP' AND hist_object = '" + g + "'"))
            .isEqualTo("Mark M2");
    }

    @Test
    void newMarkNamesDefaultsPlaceholderAndChecks() {
        int n = newLoggingGroup(db);
        String g = "g" + n;
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "')");
        assertThat(q("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = '" + g + "' ORDER BY mark_time_id DESC LIMIT 1"))
            .matches("MARK_\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d{4}");
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'T_%_end')");
        assertThat(q("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = '" + g + "' ORDER BY mark_time_id DESC LIMIT 1"))
            .matches("T_\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d{4}_end");
        assertThat(errorOf(db, "SELECT emaj.emaj_set_mark_group('" + g + "', 'M1')"))
            .isEqualTo("_check_new_mark: The group \"" + g + "\" already contains a mark named \"M1\".");
        assertThat(errorOf(db, "SELECT emaj.emaj_set_mark_group('" + g + "', 'EMAJ_LAST_MARK')"))
            .isEqualTo("_check_new_mark: \"EMAJ_LAST_MARK\" is not an allowed name for a new mark.");
        assertThat(errorOf(db, "SELECT emaj.emaj_set_mark_group('nosuchgroup', 'X')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
        db.execute("SELECT emaj.emaj_stop_group('" + g + "')");
        assertThat(errorOf(db, "SELECT emaj.emaj_set_mark_group('" + g + "', 'X')"))
            .isEqualTo("_check_group_names: The group \"" + g + "\" is not in LOGGING state.");
    }

    @Test
    void setMarkGroupsSetsOnePointInTimeForSeveralGroups() {
        int a = newLoggingGroup(db), b = newLoggingGroup(db);
        String ga = "g" + a, gb = "g" + b;
        assertThat(q("SELECT emaj.emaj_set_mark_groups(ARRAY['" + ga + "', '" + gb + "'], 'COMMON')")).isEqualTo("6");
        assertThat(q("SELECT count(DISTINCT mark_time_id) FROM emaj.emaj_mark WHERE mark_name = 'COMMON'")).isEqualTo("1");
        db.execute("SELECT emaj.emaj_set_mark_group('" + gb + "', 'ONLY_B')");
        assertThat(errorOf(db, "SELECT emaj.emaj_set_mark_groups(ARRAY['" + ga + "', '" + gb + "'], 'ONLY_B')"))
            .isEqualTo("_check_new_mark: The group \"" + gb + "\" already contains a mark named \"ONLY_B\".");
        // a mark name shared by marks set separately is not one point in time
        db.execute("SELECT emaj.emaj_set_mark_group('" + ga + "', 'SEP'); SELECT emaj.emaj_set_mark_group('" + gb + "', 'SEP');");
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_groups(ARRAY['" + ga + "', '" + gb + "'], 'SEP', NULL)"))
            .isEqualTo("_check_mark_name: The mark \"SEP\" does not represent the same point in time for all groups.");
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_groups(ARRAY['" + ga + "', '" + gb + "'], 'COMMON', 'EMAJ_LAST_MARK')"))
            .isEqualTo("_check_mark_name: The mark \"SEP\" does not represent the same point in time for all groups.");
        db.execute("SELECT emaj.emaj_set_mark_groups(ARRAY['" + ga + "', '" + gb + "'], 'LAST')");
        assertThat(q("SELECT count(*) FROM emaj.emaj_log_stat_groups(ARRAY['" + ga + "', '" + gb + "'], 'COMMON', 'EMAJ_LAST_MARK')"))
            .isEqualTo("4");
    }

    @Test
    void existingMarkChecksAndLastMarkKeyword() {
        int n = newLoggingGroup(db);
        String g = "g" + n;
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'M2')");
        assertThat(q("SELECT emaj._check_mark_name(ARRAY['" + g + "'], 'EMAJ_LAST_MARK', '')")).isEqualTo("M2");
        assertThat(errorOf(db, "SELECT emaj.emaj_comment_mark_group('" + g + "', 'NOPE', 'x')"))
            .isEqualTo("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
        db.execute("SELECT emaj.emaj_stop_group('" + g + "'); SELECT emaj.emaj_start_group('" + g + "', 'M3', false);");
        assertThat(errorOf(db, "SELECT emaj._check_mark_name(ARRAY['" + g + "'], 'M2', 'ACTIVE')"))
            .isEqualTo("_check_mark_name: For the group \"" + g + "\", the mark \"M2\" was set before the latest group start.");
        assertThat(q("SELECT emaj._check_mark_name(ARRAY['" + g + "'], 'M3', 'ACTIVE')")).isEqualTo("M3");
    }

    @Test
    void commentAndRenameMark() {
        int n = newLoggingGroup(db);
        String g = "g" + n;
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'M2')");
        db.execute("SELECT emaj.emaj_comment_mark_group('" + g + "', 'EMAJ_LAST_MARK', 'the last one')");
        assertThat(q("SELECT mark_comment FROM emaj.emaj_mark WHERE mark_group = '" + g + "' AND mark_name = 'M2'")).isEqualTo("the last one");
        db.execute("SELECT emaj.emaj_comment_mark_group('" + g + "', 'M2', NULL)");
        assertThat(q("SELECT mark_comment FROM emaj.emaj_mark WHERE mark_group = '" + g + "' AND mark_name = 'M2'")).isNull();
        db.execute("SELECT emaj.emaj_rename_mark_group('" + g + "', 'M2', 'RENAMED')");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = '" + g + "' ORDER BY mark_time_id"))
            .containsExactly("M1", "RENAMED");
        assertThat(errorOf(db, "SELECT emaj.emaj_rename_mark_group('" + g + "', 'RENAMED', 'M1')"))
            .isEqualTo("_check_new_mark: The group \"" + g + "\" already contains a mark named \"M1\".");
        assertThat(errorOf(db, "SELECT emaj.emaj_rename_mark_group('" + g + "', 'NOPE', 'X')"))
            .isEqualTo("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
        assertThat(errorOf(db, "SELECT emaj.emaj_comment_mark_group('nosuchgroup', 'M1', 'x')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void deleteMarkGroup() {
        int n = newLoggingGroup(db);
        String s = "s" + n, g = "g" + n;
        assertThat(errorOf(db, "SELECT emaj.emaj_delete_mark_group('" + g + "', 'M1')"))
            .isEqualTo("emaj_delete_mark_group: \"M1\" is the only mark of the group. It cannot be deleted.");
        db.execute("INSERT INTO " + s + ".cust VALUES (1, 'a', 'b'); SELECT emaj.emaj_set_mark_group('" + g + "', 'M2');"
            + "INSERT INTO " + s + ".cust VALUES (2, 'a', 'b'); SELECT emaj.emaj_set_mark_group('" + g + "', 'M3');"
            + "INSERT INTO " + s + ".cust VALUES (3, 'a', 'b'); SELECT emaj.emaj_set_mark_group('" + g + "', 'M4');");
        // an intermediate mark: the previous mark takes its row count
        assertThat(q("SELECT emaj.emaj_delete_mark_group('" + g + "', 'M3')")).isEqualTo("1");
        assertThat(db.queryForRows("SELECT mark_name, coalesce(mark_log_rows_before_next::text, '-') FROM emaj.emaj_mark"
            + " WHERE mark_group = '" + g + "' ORDER BY mark_time_id"))
            .containsExactly(List.of("M1", "1"), List.of("M2", "2"), List.of("M4", "-"));
        // the oldest mark: older logs go
        assertThat(q("SELECT emaj.emaj_delete_mark_group('" + g + "', 'M1')")).isEqualTo("1");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log")).isEqualTo("2");
        assertThat(db.queryForRows("SELECT stat_table, stat_rows FROM emaj.emaj_log_stat_group('" + g + "', 'M2', 'M4')"))
            .containsExactly(List.of("cust", "2"), List.of("ord", "0"));
        assertThat(errorOf(db, "SELECT emaj.emaj_delete_mark_group('" + g + "', 'NOPE')"))
            .isEqualTo("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
    }

    @Test
    void deleteBeforeMarkGroupPurgesOlderMarksAndLogs() {
        int n = newLoggingGroup(db);
        String s = "s" + n, g = "g" + n;
        db.execute("INSERT INTO " + s + ".cust VALUES (1, 'a', 'b'); SELECT emaj.emaj_set_mark_group('" + g + "', 'M2');"
            + "INSERT INTO " + s + ".cust VALUES (2, 'a', 'b'); SELECT emaj.emaj_set_mark_group('" + g + "', 'M3');"
            + "INSERT INTO " + s + ".cust VALUES (3, 'a', 'b');");
        assertThat(q("SELECT emaj.emaj_delete_before_mark_group('" + g + "', 'M3')")).isEqualTo("2");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = '" + g + "'")).containsExactly("M3");
        assertThat(db.queryForList("SELECT id::text FROM emaj_" + s + ".cust_log")).containsExactly("3");
        assertThat(q("SELECT count(*) FROM emaj.emaj_table WHERE tbl_schema = '" + s + "' AND tbl_time_id <"
            + " (SELECT mark_time_id FROM emaj.emaj_mark WHERE mark_group = '" + g + "')")).isEqualTo("0");
        assertThat(q("SELECT emaj.emaj_delete_before_mark_group('" + g + "', 'EMAJ_LAST_MARK')")).isEqualTo("0");
        assertThat(errorOf(db, "SELECT emaj.emaj_delete_before_mark_group('" + g + "', 'NOPE')"))
            .isEqualTo("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
        assertThat(errorOf(db, "SELECT emaj.emaj_delete_before_mark_group('nosuchgroup', 'M1')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void previousMarkByTimestampAndByMark() {
        int n = newLoggingGroup(db);
        String g = "g" + n;
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'M2')");
        String tsM2 = q("SELECT time_clock_timestamp FROM emaj.emaj_time_stamp JOIN emaj.emaj_mark ON mark_time_id = time_id"
            + " WHERE mark_group = '" + g + "' AND mark_name = 'M2'");
        assertThat(q("SELECT emaj.emaj_get_previous_mark_group('" + g + "', '" + tsM2 + "'::timestamptz)")).isEqualTo("M1");
        assertThat(q("SELECT emaj.emaj_get_previous_mark_group('" + g + "', '" + tsM2 + "'::timestamptz + interval '1 microsecond')"))
            .isEqualTo("M2");
        assertThat(q("SELECT emaj.emaj_get_previous_mark_group('" + g + "', '2000-01-01'::timestamptz)")).isNull();
        assertThat(q("SELECT emaj.emaj_get_previous_mark_group('" + g + "', 'M2')")).isEqualTo("M1");
        assertThat(q("SELECT emaj.emaj_get_previous_mark_group('" + g + "', 'EMAJ_LAST_MARK')")).isEqualTo("M1");
        assertThat(q("SELECT emaj.emaj_get_previous_mark_group('" + g + "', 'M1')")).isNull();
        assertThat(errorOf(db, "SELECT emaj.emaj_get_previous_mark_group('" + g + "', 'NOPE')"))
            .isEqualTo("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
        assertThat(errorOf(db, "SELECT emaj.emaj_get_previous_mark_group('nosuchgroup', 'M1')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void protectAndUnprotectMark() {
        int n = newLoggingGroup(db);
        String g = "g" + n;
        assertThat(q("SELECT emaj.emaj_protect_mark_group('" + g + "', 'M1')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_protect_mark_group('" + g + "', 'M1')")).isEqualTo("0");
        assertThat(q("SELECT mark_is_rlbk_protected FROM emaj.emaj_mark WHERE mark_group = '" + g + "'")).isEqualTo("t");
        assertThat(q("SELECT emaj.emaj_unprotect_mark_group('" + g + "', 'M1')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_unprotect_mark_group('" + g + "', 'M1')")).isEqualTo("0");
        assertThat(errorOf(db, "SELECT emaj.emaj_protect_mark_group('" + g + "', 'NOPE')"))
            .isEqualTo("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
        db.execute("SELECT emaj.emaj_stop_group('" + g + "')");
        assertThat(errorOf(db, "SELECT emaj.emaj_protect_mark_group('" + g + "', 'M1')"))
            .isEqualTo("_check_group_names: The group \"" + g + "\" is not in LOGGING state.");
        String audit = "audit" + n;
        db.execute("SELECT emaj.emaj_create_group('" + audit + "', false); SELECT emaj.emaj_start_group('" + audit + "', 'A1');");
        assertThat(errorOf(db, "SELECT emaj.emaj_protect_mark_group('" + audit + "', 'A1')"))
            .isEqualTo("_check_group_names: The group \"" + audit + "\" has been created as AUDIT_ONLY.");
        assertThat(errorOf(db, "SELECT emaj.emaj_unprotect_mark_group('" + audit + "', 'A1')"))
            .isEqualTo("_check_group_names: The group \"" + audit + "\" has been created as AUDIT_ONLY.");
    }

    @Test
    void protectAndUnprotectGroup() {
        int n = newLoggingGroup(db);
        String g = "g" + n;
        assertThat(q("SELECT emaj.emaj_protect_group('" + g + "')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_protect_group('" + g + "')")).isEqualTo("0");
        assertThat(errorOf(db, "SELECT emaj._check_group_names(ARRAY['" + g + "'], false, false, 'LOGGING,UNPROTECTED')"))
            .isEqualTo("_check_group_names: The group \"" + g + "\" is currently protected against rollback operations.");
        assertThat(q("SELECT emaj.emaj_unprotect_group('" + g + "')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_unprotect_group('" + g + "')")).isEqualTo("0");
        db.execute("SELECT emaj.emaj_stop_group('" + g + "')");
        assertThat(errorOf(db, "SELECT emaj.emaj_protect_group('" + g + "')"))
            .isEqualTo("_check_group_names: The group \"" + g + "\" is not in LOGGING state.");
        String audit = "auditg" + n;
        db.execute("SELECT emaj.emaj_create_group('" + audit + "', false); SELECT emaj.emaj_start_group('" + audit + "');");
        assertThat(errorOf(db, "SELECT emaj.emaj_protect_group('" + audit + "')"))
            .isEqualTo("_check_group_names: The group \"" + audit + "\" has been created as AUDIT_ONLY.");
        assertThat(errorOf(db, "SELECT emaj.emaj_unprotect_group('" + audit + "')"))
            .isEqualTo("_check_group_names: The group \"" + audit + "\" has been created as AUDIT_ONLY.");
        assertThat(errorOf(db, "SELECT emaj.emaj_protect_group('nosuchgroup')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void sharedHelpersForTheRollbackPart() {
        int n = newLoggingGroup(db);
        String g = "g" + n;
        // _check_marks_range
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'M2')");
        assertThat(db.queryForRows("SELECT p_firstMark, p_lastMark, p_firstMarkTimeId < p_lastMarkTimeId"
            + " FROM emaj._check_marks_range(ARRAY['" + g + "'], 'M1', 'EMAJ_LAST_MARK')")).containsExactly(List.of("M1", "M2", "t"));
        assertThat(db.queryForRows("SELECT p_lastMark IS NULL, p_lastMarkTimeId IS NULL"
            + " FROM emaj._check_marks_range(ARRAY['" + g + "'], 'M1', '')")).containsExactly(List.of("t", "t"));
        assertThat(errorOf(db, "SELECT * FROM emaj._check_marks_range(ARRAY['" + g + "'], NULL, 'M2')"))
            .isEqualTo("_check_marks_range: The first mark cannot be NULL or empty.");
        assertThat(errorOf(db, "SELECT * FROM emaj._check_marks_range(ARRAY['" + g + "'], 'M2', 'M1')"))
            .matches("_check_marks_range: The start mark \"M2\" \\(.+\\) has been set after the end mark \"M1\" \\(.+\\)\\.");
        // _set_time_stamp positions the event in the stream of logged changes
        db.execute("INSERT INTO s" + n + ".cust VALUES (10, 'a', 'b')");
        String timeId = q("SELECT emaj._set_time_stamp('R')");
        assertThat(q("SELECT time_last_emaj_gid = (SELECT max(emaj_gid) FROM emaj_s" + n + ".cust_log) AND time_event = 'R'"
            + " FROM emaj.emaj_time_stamp WHERE time_id = " + timeId)).isEqualTo("t");
        // _hist
        db.execute("SELECT emaj._hist('TEST_FN', 'EV', 'obj" + n + "', 'words')");
        assertThat(db.queryForRows("SELECT hist_function, hist_event, hist_wording, hist_user = session_user FROM emaj.emaj_hist"
            + " WHERE hist_object = 'obj" + n + "'")).containsExactly(List.of("TEST_FN", "EV", "words", "t"));
        // _set_mark_groups with a given time stamp and a logged rollback target
        db.execute("SELECT emaj._set_mark_groups(ARRAY['" + g + "'], 'RLBK_X_DONE', NULL, false, false, 'M1', emaj._set_time_stamp('R'))");
        assertThat(q("SELECT mark_logged_rlbk_target_mark FROM emaj.emaj_mark WHERE mark_group = '" + g + "' AND mark_name = 'RLBK_X_DONE'"))
            .isEqualTo("M1");
    }
}
