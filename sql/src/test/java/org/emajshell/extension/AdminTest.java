package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.errorOf;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;

/** Parameters, emaj_verify_all, version and history purge (section a.10). */
class AdminTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static String q(String sql) {
        return db.queryForString(sql);
    }

    @Test
    void defaultParametersAndViews() {
        assertThat(db.queryForList("SELECT param_key || '=' || coalesce(param_default, '') || ':' || param_cast FROM emaj.emaj_all_param"
            + " ORDER BY param_rank")).containsExactly("dblink_user_password=:text", "history_retention=1 year:interval",
                "alter_log_table=:text", "avg_row_rollback_duration=100 microseconds:interval",
                "avg_row_delete_log_duration=10 microseconds:interval", "avg_fkey_check_duration=20 microseconds:interval",
                "fixed_step_rollback_duration=2.5 milliseconds:interval", "fixed_table_rollback_duration=1 millisecond:interval",
                "fixed_dblink_rollback_duration=4 milliseconds:interval");
    }

    @Test
    void setParamSetsResetsValidatesAndRecords() {
        assertThat(q("SELECT emaj.emaj_set_param('AVG_FKEY_CHECK_DURATION', '30 us')")).isEqualTo("1");
        assertThat(q("SELECT param_value FROM emaj.emaj_param WHERE param_key = 'avg_fkey_check_duration'")).isEqualTo("30 us");
        assertThat(q("SELECT emaj.emaj_set_param('avg_fkey_check_duration', '30 us')")).isEqualTo("0");
        assertThat(q("SELECT hist_event || ' ' || hist_wording FROM emaj.emaj_hist WHERE hist_function = 'emaj_set_param'"
            + " AND hist_object = 'avg_fkey_check_duration' ORDER BY hist_id DESC LIMIT 1")).isEqualTo("INSERTED 30 us");
        assertThat(q("SELECT emaj.emaj_set_param('avg_fkey_check_duration', NULL)")).isEqualTo("1");
        assertThat(q("SELECT count(*) FROM emaj.emaj_param WHERE param_key = 'avg_fkey_check_duration'")).isEqualTo("0");
        assertThat(q("SELECT emaj.emaj_set_param('avg_fkey_check_duration', NULL)")).isEqualTo("0");
        assertThat(errorOf(db, "SELECT emaj.emaj_set_param('no_such_key', 'x')"))
            .isEqualTo("emaj_set_param: The \"no_such_key\" key is unknown.");
        assertThat(errorOf(db, "SELECT emaj.emaj_set_param('history_retention', 'not an interval')"))
            .isEqualTo("emaj_set_param: The \"not an interval\" value is not a valid time interval.");
    }

    @Test
    void directChangesOfTheParameterTableAreRefused() {
        assertThat(errorOf(db, "INSERT INTO emaj.emaj_param VALUES ('history_retention', '2 years')"))
            .isEqualTo("emaj_param_before_stmt_trg: Modifying the emaj_param table is not allowed. Use the emaj_set_param()"
                + " or emaj_import_parameters_configuration() functions.");
        assertThat(errorOf(db, "DELETE FROM emaj.emaj_param")).startsWith("emaj_param_before_stmt_trg: ");
        assertThat(errorOf(db, "TRUNCATE emaj.emaj_param")).startsWith("emaj_param_before_stmt_trg: ");
    }

    @Test
    void thePasswordIsMaskedInTheVisibleView() {
        db.execute("SELECT emaj.emaj_set_param('dblink_user_password', 'user=me password=secret')");
        try {
            assertThat(q("SELECT param_value FROM emaj.emaj_visible_param WHERE param_key = 'dblink_user_password'"))
                .isEqualTo("<masked data>");
            assertThat(q("SELECT param_value FROM emaj.emaj_all_param WHERE param_key = 'dblink_user_password'"))
                .isEqualTo("user=me password=secret");
            assertThat(q("SELECT hist_wording FROM emaj.emaj_hist WHERE hist_object = 'dblink_user_password' ORDER BY hist_id DESC LIMIT 1"))
                .isEqualTo("<masked data>");
        } finally {
            db.execute("SELECT emaj.emaj_set_param('dblink_user_password', NULL)");
        }
    }

    @Test
    void alterLogTableParameterAddsColumnsToNewLogTables() {
        db.execute("SELECT emaj.emaj_set_param('alter_log_table', 'ADD COLUMN extra_info text DEFAULT current_setting(''application_name'')')");
        try {
            int n = newLoggingGroup(db);
            db.execute("SET application_name = 'batch42'; INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b'); RESET application_name;");
            assertThat(q("SELECT extra_info FROM emaj_s" + n + ".cust_log")).isEqualTo("batch42");
            assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()")).noneMatch(l -> l.contains("s" + n + "\".\"cust\""));
            db.execute("SELECT emaj.emaj_set_mark_group('g" + n + "', 'M2')");
        } finally {
            db.execute("SELECT emaj.emaj_set_param('alter_log_table', NULL)");
        }
    }

    @Test
    void verifyAllReportsProblemsAndNothingElse() {
        db.execute("SELECT emaj.emaj_set_param('dblink_user_password', 'user=x')");
        try {
            List<String> lines = db.queryForList("SELECT * FROM emaj.emaj_verify_all()");
            // other tests of this class may have left groups: only look at what a fresh group adds
            int n = newLoggingGroup(db);
            String s = "s" + n;
            assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()")).isEqualTo(lines);
            db.execute("CREATE TABLE emaj_" + s + ".intruder (x int); CREATE TABLE " + s + ".outside (id int PRIMARY KEY);"
                + "ALTER TABLE " + s + ".cust ADD COLUMN outside_id int REFERENCES " + s + ".outside;");
            assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()")).contains(
                "Error: In schema \"emaj_" + s + "\", the table \"intruder\" is not linked to any table group.",
                "Error: In table group \"g" + n + "\", the structure of the application table \"" + s + "\".\"cust\" is not coherent"
                    + " with its log table (\"emaj_" + s + "\".\"cust_log\").",
                "Warning: In group \"g" + n + "\", the foreign key \"cust_outside_id_fkey\" on \"" + s + "\".\"cust\" references the table \""
                    + s + "\".\"outside\" that is outside the group.");
            db.execute("DROP TABLE emaj_" + s + ".intruder; ALTER TABLE " + s + ".cust DROP COLUMN outside_id;");
            assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()")).isEqualTo(lines);
        } finally {
            db.execute("SELECT emaj.emaj_set_param('dblink_user_password', NULL)");
        }
        assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()"))
            .contains("Warning: The 'dblink_user_password' parameter value is not set.");
    }

    @Test
    void sequenceAndForeignKeyWarnings() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("CREATE TABLE " + s + ".withserial (id serial PRIMARY KEY);"
            + "SELECT emaj.emaj_assign_table('" + s + "', 'withserial', 'g" + n + "');");
        assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()")).noneMatch(l -> l.contains("withserial_id_seq"));
        db.execute("SELECT emaj.emaj_create_group('h" + n + "'); SELECT emaj.emaj_assign_sequence('" + s + "', 'withserial_id_seq', 'h" + n + "');");
        assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()")).contains(
            "Warning: In group \"h" + n + "\", the sequence \"" + s + "\".\"withserial_id_seq\" is linked to the table \"" + s
                + "\".\"withserial\" that is not in the same group.",
            "Warning: In group \"g" + n + "\", the table \"" + s + "\".\"withserial\" uses the sequence \"" + s
                + "\".\"withserial_id_seq\" that is not in the same group.");
    }

    @Test
    void versionIsTheBuildVersion() {
        assertThat(q("SELECT emaj.emaj_get_version()")).matches("\\d+\\.\\d+\\.\\d+.*")
            .isEqualTo(q("SELECT verh_version FROM emaj.emaj_version_hist"));
        assertThat(db.queryForRows("SELECT inst_with_emaj_adm, inst_with_emaj_viewer, inst_with_event_triggers FROM emaj.emaj_install_conf"))
            .containsExactly(List.of("t", "t", "t"));
    }

    @Test
    void purgeHistoriesDeletesOldTracesAndReports() {
        db.execute("INSERT INTO emaj.emaj_hist (hist_datetime, hist_function, hist_object) VALUES"
            + " (now() - interval '3 years', 'OLD_FN', 'old1'), (now() - interval '2 years', 'OLD_FN', 'old2'),"
            + " (now() - interval '1 day', 'OLD_FN', 'recent')");
        assertThat(q("SELECT emaj.emaj_purge_histories()")).matches("\\d+ emaj_hist rows deleted ; \\d+ relation changes deleted ; \\d+ rollback operations cleaned");
        assertThat(db.queryForList("SELECT hist_object FROM emaj.emaj_hist WHERE hist_function = 'OLD_FN'")).containsExactly("recent");
        assertThat(q("SELECT emaj.emaj_purge_histories('1 hour')")).startsWith("1 emaj_hist rows deleted ; ");
        assertThat(q("SELECT count(*) FROM emaj.emaj_hist WHERE hist_function = 'PURGE_HISTORIES'")).isNotEqualTo("0");
    }

    @Test
    void purgeHistoriesCleansOldRollbacksButKeepsTheStepDurationsEstimatesRead() {
        int n = newLoggingGroup(db);
        String g = "g" + n;
        for (int i = 1; i <= 7; i++) {
            db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'R" + i + "');"
                + "INSERT INTO s" + n + ".cust VALUES (" + i + ", 'c', 'x');"
                + "SELECT * FROM emaj.emaj_rollback_group('" + g + "', 'R" + i + "')");
        }
        String stepsOfCust = "SELECT count(*) FROM emaj.emaj_rlbk_stat WHERE rlbt_step = 'RLBK_TABLE'"
            + " AND rlbt_schema = 's" + n + "' AND rlbt_table = 'cust'";
        assertThat(q(stepsOfCust)).isEqualTo("7");
        String latestFive = q("SELECT string_agg(rlbt_rlbk_id::text, ',' ORDER BY rlbt_rlbk_id) FROM (" + stepsOfCust.replace("count(*)", "rlbt_rlbk_id")
            + " ORDER BY rlbt_rlbk_id DESC LIMIT 5) s");
        // rollbacks older than the oldest mark (of any group) only can go
        db.execute("SELECT emaj.emaj_force_drop_group(group_name) FROM emaj.emaj_group WHERE group_name <> '" + g + "';"
            + "SELECT emaj.emaj_set_mark_group('" + g + "', 'LAST');"
            + "SELECT emaj.emaj_delete_before_mark_group('" + g + "', 'LAST')");

        assertThat(q("SELECT emaj.emaj_purge_histories('0 second')")).endsWith("; 7 rollback operations cleaned");

        assertThat(q("SELECT count(*) FROM emaj.emaj_rlbk WHERE '" + g + "' = ANY (rlbk_groups)")).isEqualTo("0");
        assertThat(q(stepsOfCust)).isEqualTo("5");
        assertThat(q("SELECT string_agg(rlbt_rlbk_id::text, ',' ORDER BY rlbt_rlbk_id) FROM (" + stepsOfCust.replace("count(*)", "rlbt_rlbk_id") + ") s"))
            .isEqualTo(latestFive);
    }

    @Test
    void startPurgesHistoryOlderThanTheRetention() {
        db.execute("INSERT INTO emaj.emaj_hist (hist_datetime, hist_function, hist_object) VALUES (now() - interval '400 days', 'OLD_FN', 'auto')");
        newLoggingGroup(db);
        assertThat(q("SELECT count(*) FROM emaj.emaj_hist WHERE hist_object = 'auto'")).isEqualTo("0");
        db.execute("SELECT emaj.emaj_set_param('history_retention', '100 years')");
        try {
            db.execute("INSERT INTO emaj.emaj_hist (hist_datetime, hist_function, hist_object) VALUES (now() - interval '400 days', 'OLD_FN', 'kept')");
            newLoggingGroup(db);
            assertThat(q("SELECT count(*) FROM emaj.emaj_hist WHERE hist_object = 'kept'")).isEqualTo("1");
        } finally {
            db.execute("SELECT emaj.emaj_set_param('history_retention', NULL)");
        }
    }
}
