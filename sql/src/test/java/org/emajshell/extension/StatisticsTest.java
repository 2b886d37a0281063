package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.errorOf;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;
import static org.emajshell.extension.CoreSupport.withWarnings;

/** Statistics (section a.7). */
class StatisticsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static String q(String sql) {
        return db.queryForString(sql);
    }

    /** A logging group with M1 (start), 3 changes, M2, 2 changes, M3, 1 change after M3. */
    private static int groupWithChanges() {
        int n = newLoggingGroup(db);
        String s = "s" + n, g = "g" + n;
        db.execute("INSERT INTO " + s + ".cust VALUES (1, 'a', 'x'), (2, 'b', 'y'); UPDATE " + s + ".cust SET city = 'z' WHERE id = 1;"
            + "SELECT nextval('" + s + ".seq'); SELECT emaj.emaj_set_mark_group('" + g + "', 'M2');"
            + "INSERT INTO " + s + ".ord VALUES (10, 1, 5); DELETE FROM " + s + ".cust WHERE id = 2;"
            + "SELECT nextval('" + s + ".seq'), nextval('" + s + ".seq'); SELECT emaj.emaj_set_mark_group('" + g + "', 'M3');"
            + "UPDATE " + s + ".ord SET amount = 6;");
        return n;
    }

    @Test
    void logStatGroupCountsChangesBetweenMarksFromTheLogSequences() {
        int n = groupWithChanges();
        String g = "g" + n;
        assertThat(db.queryForRows("SELECT stat_group, stat_schema, stat_table, stat_first_mark, stat_last_mark, stat_rows"
            + " FROM emaj.emaj_log_stat_group('" + g + "', 'M1', 'M2')"))
            .containsExactly(List.of(g, "s" + n, "cust", "M1", "M2", "3"), List.of(g, "s" + n, "ord", "M1", "M2", "0"));
        assertThat(db.queryForRows("SELECT stat_table, stat_rows FROM emaj.emaj_log_stat_group('" + g + "', 'M2', 'EMAJ_LAST_MARK')"))
            .containsExactly(List.of("cust", "1"), List.of("ord", "1"));
        // up to now: the last mark columns are NULL
        assertThat(db.queryForRows("SELECT stat_table, stat_rows, stat_last_mark IS NULL, stat_last_time_id IS NULL"
            + " FROM emaj.emaj_log_stat_group('" + g + "', 'M1', NULL)"))
            .containsExactly(List.of("cust", "4", "t", "t"), List.of("ord", "2", "t", "t"));
        assertThat(q("SELECT stat_first_time_id = mark_time_id AND stat_first_mark_datetime = time_clock_timestamp"
            + " FROM emaj.emaj_log_stat_group('" + g + "', 'M2', '') JOIN emaj.emaj_mark ON mark_group = stat_group AND mark_name = 'M2'"
            + " JOIN emaj.emaj_time_stamp ON time_id = mark_time_id LIMIT 1")).isEqualTo("t");
    }

    @Test
    void logStatGroupChecks() {
        int n = groupWithChanges();
        String g = "g" + n;
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_group('" + g + "', NULL, NULL)"))
            .isEqualTo("_check_marks_range: The first mark cannot be NULL or empty.");
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_group('" + g + "', '', 'M2')"))
            .isEqualTo("_check_marks_range: The first mark cannot be NULL or empty.");
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_group('" + g + "', 'M3', 'M1')"))
            .matches("_check_marks_range: The start mark \"M3\" \\(.+\\) has been set after the end mark \"M1\" \\(.+\\)\\.");
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_group('" + g + "', 'NOPE', NULL)"))
            .isEqualTo("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_group('nosuchgroup', 'M1', NULL)"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void logStatGroupDoesNotReadLogTables() throws Exception {
        int n = groupWithChanges();
        try (Connection other = db.newConnection(); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute("LOCK TABLE emaj_s" + n + ".cust_log, emaj_s" + n + ".ord_log IN ACCESS EXCLUSIVE MODE");
            db.execute("SET lock_timeout = '2s'");
            try {
                assertThat(q("SELECT sum(stat_rows) FROM emaj.emaj_log_stat_group('g" + n + "', 'M1', NULL)")).isEqualTo("6");
                assertThat(q("SELECT sum(stat_rows) FROM emaj.emaj_log_stat_group('g" + n + "', 'M1', 'M3')")).isEqualTo("5");
            } finally {
                db.execute("RESET lock_timeout");
                other.rollback();
            }
        }
    }

    @Test
    void logStatWarnsWhenTheGroupWasStoppedInTheInterval() {
        int n = groupWithChanges();
        String g = "g" + n;
        db.execute("SELECT emaj.emaj_stop_group('" + g + "', 'STOP'); SELECT emaj.emaj_start_group('" + g + "', 'RESTART', false);");
        CoreSupport.Result r = withWarnings(db, "SELECT count(*) FROM emaj.emaj_log_stat_group('" + g + "', 'M2', NULL)");
        assertThat(r.warnings()).containsExactly("Since mark \"M2\", the table group \"" + g
            + "\" has not been always in logging state. Some data changes may not have been recorded.");
        assertThat(withWarnings(db, "SELECT count(*) FROM emaj.emaj_log_stat_group('" + g + "', 'RESTART', NULL)").warnings()).isEmpty();
        assertThat(withWarnings(db, "SELECT count(*) FROM emaj.emaj_log_stat_group('" + g + "', 'M2', 'STOP')").warnings()).isEmpty();
    }

    @Test
    void logStatGroupSubtractsSequenceHoles() {
        int n = groupWithChanges();
        String g = "g" + n, s = "s" + n;
        // what an unlogged rollback records: 2 log rows deleted at a time after M3
        db.execute("INSERT INTO emaj.emaj_seq_hole SELECT '" + s + "', 'cust', mark_time_id, emaj._set_time_stamp('R'), 2"
            + " FROM emaj.emaj_mark WHERE mark_group = '" + g + "' AND mark_name = 'M2'");
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'M4')");
        assertThat(q("SELECT stat_rows FROM emaj.emaj_log_stat_group('" + g + "', 'M1', 'M4') WHERE stat_table = 'cust'")).isEqualTo("2");
        assertThat(q("SELECT stat_rows FROM emaj.emaj_log_stat_group('" + g + "', 'M1', 'M3') WHERE stat_table = 'cust'")).isEqualTo("4");
    }

    @Test
    void logStatGroupsCoversSeveralGroups() {
        int a = newLoggingGroup(db), b = newLoggingGroup(db);
        db.execute("SELECT emaj.emaj_set_mark_groups(ARRAY['g" + a + "', 'g" + b + "'], 'C1');"
            + "INSERT INTO s" + a + ".cust VALUES (1, 'a', 'b'); INSERT INTO s" + b + ".ord VALUES (1, NULL, 1);");
        assertThat(db.queryForRows("SELECT stat_group, stat_table, stat_rows FROM emaj.emaj_log_stat_groups(ARRAY['g" + b + "', 'g" + a
            + "'], 'C1', NULL) WHERE stat_rows > 0")).containsExactly(List.of("g" + a, "cust", "1"), List.of("g" + b, "ord", "1"));
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_groups(ARRAY['g" + a + "', 'g" + b + "'], 'M1', NULL)"))
            .isEqualTo("_check_mark_name: The mark \"M1\" does not represent the same point in time for all groups.");
    }

    @Test
    void detailedLogStatGroupCountsPerRoleAndVerb() {
        int n = groupWithChanges();
        String g = "g" + n, s = "s" + n;
        db.execute("TRUNCATE " + s + ".ord");
        assertThat(db.queryForRows("SELECT stat_table, stat_first_mark, coalesce(stat_last_mark, '-'), stat_role = current_user,"
            + " stat_verb, stat_rows FROM emaj.emaj_detailed_log_stat_group('" + g + "', 'M1', NULL)"))
            .containsExactly(List.of("cust", "M1", "-", "t", "DELETE", "1"), List.of("cust", "M1", "-", "t", "INSERT", "2"),
                List.of("cust", "M1", "-", "t", "UPDATE", "1"), List.of("ord", "M1", "-", "t", "INSERT", "1"),
                List.of("ord", "M1", "-", "t", "TRUNCATE", "1"), List.of("ord", "M1", "-", "t", "UPDATE", "1"));
        assertThat(db.queryForRows("SELECT stat_table, stat_verb, stat_rows FROM emaj.emaj_detailed_log_stat_group('" + g + "', 'M2', 'M3')"))
            .containsExactly(List.of("cust", "DELETE", "1"), List.of("ord", "INSERT", "1"));
        assertThat(db.queryForRows("SELECT stat_group, stat_verb FROM emaj.emaj_detailed_log_stat_groups(ARRAY['" + g + "'], 'M3', 'M3')"))
            .isEmpty();
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_detailed_log_stat_group('" + g + "', NULL, NULL)"))
            .isEqualTo("_check_marks_range: The first mark cannot be NULL or empty.");
    }

    @Test
    void sequenceStatGroupCountsIncrementsAndPropertyChanges() {
        int n = groupWithChanges();
        String g = "g" + n, s = "s" + n;
        assertThat(db.queryForRows("SELECT stat_sequence, stat_first_mark, stat_last_mark, stat_increments, stat_has_structure_changed"
            + " FROM emaj.emaj_sequence_stat_group('" + g + "', 'M2', 'M3')")).containsExactly(List.of("seq", "M2", "M3", "2", "f"));
        db.execute("ALTER SEQUENCE " + s + ".seq INCREMENT BY 10; SELECT nextval('" + s + ".seq');");
        assertThat(db.queryForRows("SELECT stat_increments, stat_has_structure_changed FROM emaj.emaj_sequence_stat_group('" + g
            + "', 'M3', NULL)")).containsExactly(List.of("10", "t"));
        assertThat(db.queryForRows("SELECT stat_group, stat_sequence FROM emaj.emaj_sequence_stat_groups(ARRAY['" + g + "'], 'M1', 'M2')"))
            .containsExactly(List.of(g, "seq"));
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_sequence_stat_group('" + g + "', 'M3', 'M2')"))
            .startsWith("_check_marks_range: The start mark \"M3\"");
    }

    @Test
    void logStatTableGivesOneRowPerMarkInterval() {
        int n = groupWithChanges();
        String g = "g" + n, s = "s" + n;
        db.execute("SELECT emaj.emaj_stop_group('" + g + "', 'STOP'); UPDATE " + s + ".cust SET name = 'n';"
            + "SELECT emaj.emaj_start_group('" + g + "', 'RESTART', false); UPDATE " + s + ".cust SET name = 'm';");
        assertThat(db.queryForRows("SELECT stat_group, stat_first_mark, stat_is_log_start::text, stat_last_mark, stat_is_log_stop::text,"
            + " stat_changes, stat_rollbacks FROM emaj.emaj_log_stat_table('" + s + "', 'cust')"))
            .containsExactly(List.of(g, "M1", "true", "M2", "false", "3", "0"),
                List.of(g, "M2", "false", "M3", "false", "1", "0"),
                List.of(g, "M3", "false", "STOP", "true", "0", "0"),
                List.of(g, "RESTART", "true", "[current state]", "false", "1", "0"));
        // a time window
        String tsM3 = q("SELECT time_clock_timestamp FROM emaj.emaj_time_stamp JOIN emaj.emaj_mark ON time_id = mark_time_id"
            + " WHERE mark_group = '" + g + "' AND mark_name = 'M3'");
        assertThat(db.queryForList("SELECT stat_first_mark FROM emaj.emaj_log_stat_table('" + s + "', 'cust', '" + tsM3
            + "'::timestamptz, NULL)")).containsExactly("M3", "RESTART");
        assertThat(db.queryForList("SELECT stat_first_mark FROM emaj.emaj_log_stat_table('" + s + "', 'cust', NULL, '" + tsM3
            + "'::timestamptz)")).containsExactly("M1", "M2");
        // a window given by marks
        assertThat(db.queryForList("SELECT stat_first_mark || '>' || stat_last_mark FROM emaj.emaj_log_stat_table('" + s + "', 'cust', '"
            + g + "', 'M2', '" + g + "', 'STOP')")).containsExactly("M2>M3", "M3>STOP");
        assertThat(db.queryForList("SELECT stat_first_mark FROM emaj.emaj_log_stat_table('" + s + "', 'cust', '" + g + "', 'M3')"))
            .containsExactly("M3", "RESTART");
        assertThat(errorOf(db, "SELECT * FROM emaj.emaj_log_stat_table('" + s + "', 'cust', '" + g + "', 'NOPE')"))
            .isEqualTo("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
        assertThat(db.queryForRows("SELECT * FROM emaj.emaj_log_stat_table('" + s + "', 'nopk')")).isEmpty();
    }

    @Test
    void logStatSequenceGivesOneRowPerMarkInterval() {
        int n = groupWithChanges();
        String g = "g" + n, s = "s" + n;
        assertThat(db.queryForRows("SELECT stat_first_mark, stat_last_mark, stat_increments, stat_has_structure_changed::text"
            + " FROM emaj.emaj_log_stat_sequence('" + s + "', 'seq')"))
            .containsExactly(List.of("M1", "M2", "0", "false"), List.of("M2", "M3", "2", "false"),
                List.of("M3", "[current state]", "0", "false"));
        assertThat(db.queryForList("SELECT stat_first_mark FROM emaj.emaj_log_stat_sequence('" + s + "', 'seq', '" + g + "', 'M2', '"
            + g + "', 'M3')")).containsExactly("M2");
        assertThat(db.queryForList("SELECT stat_first_mark FROM emaj.emaj_log_stat_sequence('" + s + "', 'seq', now() + interval '1 day',"
            + " NULL)")).containsExactly("M3");
    }
}
