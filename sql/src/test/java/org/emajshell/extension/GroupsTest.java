package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.errorOf;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;
import static org.emajshell.extension.CoreSupport.newSchema;
import static org.emajshell.extension.CoreSupport.next;

/** Group creation, drop, comment, forget and the state helpers (section a.1). */
class GroupsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @Test
    void createGroupMakesAnEmptyIdleRollbackableGroupByDefault() {
        String g = "cg" + next();
        assertThat(db.queryForString("SELECT emaj.emaj_create_group('" + g + "')")).isEqualTo("1");
        assertThat(db.queryForRows("SELECT group_is_rollbackable, group_is_logging, group_is_rlbk_protected,"
            + " group_nb_table, group_nb_sequence, group_comment IS NULL, group_pg_version = current_setting('server_version')"
            + " FROM emaj.emaj_group WHERE group_name = '" + g + "'"))
            .containsExactly(List.of("t", "f", "f", "0", "0", "t", "t"));
        assertThat(db.queryForString("SELECT time_event FROM emaj.emaj_time_stamp JOIN emaj.emaj_group"
            + " ON time_id = group_last_alter_time_id WHERE group_name = '" + g + "'")).isEqualTo("C");
        assertThat(db.queryForString("SELECT upper_inf(grph_time_range) FROM emaj.emaj_group_hist WHERE grph_group = '" + g + "'"))
            .isEqualTo("t");
        assertThat(db.queryForList("SELECT hist_function FROM emaj.emaj_hist WHERE hist_object = '" + g + "'"))
            .containsExactly("CREATE_GROUP");
    }

    @Test
    void createGroupAuditOnlyWithCommentIsAlwaysProtected() {
        String g = "ca" + next();
        db.execute("SELECT emaj.emaj_create_group('" + g + "', false, 'my audit')");
        assertThat(db.queryForRows("SELECT group_is_rollbackable, group_is_rlbk_protected, group_comment"
            + " FROM emaj.emaj_group WHERE group_name = '" + g + "'")).containsExactly(List.of("f", "t", "my audit"));
    }

    @Test
    void createGroupRefusesAnExistingName() {
        String g = "cd" + next();
        db.execute("SELECT emaj.emaj_create_group('" + g + "')");
        assertThat(errorOf(db, "SELECT emaj.emaj_create_group('" + g + "')"))
            .isEqualTo("emaj_create_group: The group \"" + g + "\" already exists.");
    }

    @Test
    void commentGroupSetsReplacesAndRemoves() {
        String g = "cm" + next();
        db.execute("SELECT emaj.emaj_create_group('" + g + "', true, 'first')");
        db.execute("SELECT emaj.emaj_comment_group('" + g + "', 'second')");
        assertThat(db.queryForString("SELECT group_comment FROM emaj.emaj_group WHERE group_name = '" + g + "'")).isEqualTo("second");
        db.execute("SELECT emaj.emaj_comment_group('" + g + "', NULL)");
        assertThat(db.queryForString("SELECT group_comment FROM emaj.emaj_group WHERE group_name = '" + g + "'")).isNull();
        assertThat(errorOf(db, "SELECT emaj.emaj_comment_group('nosuchgroup', 'x')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void dropGroupRemovesLogObjectsAndKeepsHistory() {
        int n = newSchema(db);
        String g = "g" + n;
        db.execute("SELECT emaj.emaj_create_group('" + g + "');"
            + "SELECT emaj.emaj_assign_tables('s" + n + "', ARRAY['cust', 'ord'], '" + g + "');"
            + "SELECT emaj.emaj_assign_sequence('s" + n + "', 'seq', '" + g + "');");
        assertThat(db.queryForString("SELECT count(*) FROM pg_namespace WHERE nspname = 'emaj_s" + n + "'")).isEqualTo("1");

        assertThat(db.queryForString("SELECT emaj.emaj_drop_group('" + g + "')")).isEqualTo("3");

        assertThat(db.queryForString("SELECT count(*) FROM emaj.emaj_group WHERE group_name = '" + g + "'")).isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM emaj.emaj_relation WHERE rel_group = '" + g + "'")).isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM pg_namespace WHERE nspname = 'emaj_s" + n + "'")).isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            + " JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 's" + n + "' AND t.tgname LIKE 'emaj%'"))
            .isEqualTo("0");
        assertThat(db.queryForList("SELECT relh_tblseq || ':' || relh_kind FROM emaj.emaj_rel_hist WHERE relh_group = '" + g
            + "' ORDER BY 1")).containsExactly("cust:r", "ord:r", "seq:S");
        assertThat(db.queryForString("SELECT upper_inf(grph_time_range) FROM emaj.emaj_group_hist WHERE grph_group = '" + g + "'"))
            .isEqualTo("f");
        // the application tables are untouched and no longer logged
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b')");
    }

    @Test
    void dropGroupNeedsAnIdleExistingGroup() {
        int n = newLoggingGroup(db);
        assertThat(errorOf(db, "SELECT emaj.emaj_drop_group('g" + n + "')"))
            .isEqualTo("_check_group_names: The group \"g" + n + "\" is not in IDLE state.");
        assertThat(errorOf(db, "SELECT emaj.emaj_drop_group('nosuchgroup')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void forceDropGroupDropsALoggingGroup() {
        int n = newLoggingGroup(db);
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b')");
        assertThat(db.queryForString("SELECT emaj.emaj_force_drop_group('g" + n + "')")).isEqualTo("3");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_group('g" + n + "')")).isEqualTo("f");
        assertThat(db.queryForString("SELECT count(*) FROM pg_namespace WHERE nspname = 'emaj_s" + n + "'")).isEqualTo("0");
        assertThat(db.queryForString("SELECT upper_inf(lses_time_range) FROM emaj.emaj_log_session WHERE lses_group = 'g" + n + "'"))
            .isEqualTo("f");
        assertThat(errorOf(db, "SELECT emaj.emaj_force_drop_group('nosuchgroup')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
    }

    @Test
    void forgetGroupErasesTheTracesOfADroppedGroup() {
        String g = "fg" + next();
        db.execute("SELECT emaj.emaj_create_group('" + g + "'); SELECT emaj.emaj_comment_group('" + g + "', 'c');");
        assertThat(errorOf(db, "SELECT emaj.emaj_forget_group('" + g + "')"))
            .isEqualTo("emaj_forget_group: The group \"" + g + "\" still exists.");
        db.execute("SELECT emaj.emaj_drop_group('" + g + "')");
        int traces = Integer.parseInt(db.queryForString("SELECT count(*) FROM emaj.emaj_hist WHERE hist_object = '" + g + "'"));
        assertThat(traces).isGreaterThanOrEqualTo(3);
        assertThat(db.queryForString("SELECT emaj.emaj_forget_group('" + g + "')")).isEqualTo(Integer.toString(traces));
        assertThat(db.queryForString("SELECT count(*) FROM emaj.emaj_group_hist WHERE grph_group = '" + g + "'")).isEqualTo("0");
        // only the trace of the forget operation itself remains
        assertThat(db.queryForList("SELECT hist_function FROM emaj.emaj_hist WHERE hist_object = '" + g + "'"))
            .containsExactly("FORGET_GROUP");
    }

    @Test
    void stateHelpersAnswerForExistingAndUnknownGroups() {
        int n = newLoggingGroup(db);
        String idle = "ih" + next();
        db.execute("SELECT emaj.emaj_create_group('" + idle + "')");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_group('g" + n + "')")).isEqualTo("t");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_group('nosuchgroup')")).isEqualTo("f");
        assertThat(db.queryForString("SELECT emaj.emaj_is_logging_group('g" + n + "')")).isEqualTo("t");
        assertThat(db.queryForString("SELECT emaj.emaj_is_logging_group('" + idle + "')")).isEqualTo("f");
        assertThat(db.queryForString("SELECT emaj.emaj_is_logging_group('nosuchgroup')")).isEqualTo("f");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_mark_group('g" + n + "', 'M1')")).isEqualTo("t");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_mark_group('g" + n + "', 'EMAJ_LAST_MARK')")).isEqualTo("t");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_mark_group('g" + n + "', 'nope')")).isEqualTo("f");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_mark_group('" + idle + "', 'EMAJ_LAST_MARK')")).isEqualTo("f");
    }

    @Test
    void groupListsAreFilteredByRegexps() {
        int n = next();
        String a = "lst" + n + "_a", b = "lst" + n + "_b", c = "lst" + n + "_c";
        db.execute("SELECT emaj.emaj_create_group('" + a + "'); SELECT emaj.emaj_create_group('" + b + "');"
            + "SELECT emaj.emaj_create_group('" + c + "'); SELECT emaj.emaj_start_group('" + b + "');");
        String only = "'^lst" + n + "_'";
        assertThat(db.queryForString("SELECT emaj.emaj_get_groups(" + only + ")")).isEqualTo("{" + a + "," + b + "," + c + "}");
        assertThat(db.queryForString("SELECT emaj.emaj_get_groups(" + only + ", '_c$')")).isEqualTo("{" + a + "," + b + "}");
        assertThat(db.queryForString("SELECT emaj.emaj_get_logging_groups(" + only + ")")).isEqualTo("{" + b + "}");
        assertThat(db.queryForString("SELECT emaj.emaj_get_idle_groups(" + only + ", '')")).isEqualTo("{" + a + "," + c + "}");
        assertThat(db.queryForString("SELECT emaj.emaj_get_groups('^nothing_matches$')")).isEqualTo("{}");
        assertThat(db.queryForList("SELECT unnest(emaj.emaj_get_groups())")).contains(a, b, c);
    }

    @Test
    void groupNamesArraysIgnoreNullsEmptiesAndDuplicatesAndUsePluralMessages() {
        int n = next();
        String a = "arr" + n + "a", b = "arr" + n + "b";
        db.execute("SELECT emaj.emaj_create_group('" + a + "'); SELECT emaj.emaj_create_group('" + b + "');");
        assertThat(db.queryForString("SELECT emaj.emaj_start_groups(ARRAY['" + b + "', NULL, '', '" + a + "', '" + b + "'], 'S')"))
            .isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM emaj.emaj_mark WHERE mark_name = 'S' AND mark_group IN ('"
            + a + "', '" + b + "')")).isEqualTo("2");
        assertThat(errorOf(db, "SELECT emaj.emaj_start_groups(ARRAY['" + a + "', '" + b + "'])"))
            .isEqualTo("_check_group_names: The groups \"" + a + ", " + b + "\" are not in IDLE state.");
        assertThat(errorOf(db, "SELECT emaj.emaj_start_groups(ARRAY['zz" + n + "', 'yy" + n + "'])"))
            .isEqualTo("_check_group_names: The groups \"yy" + n + ", zz" + n + "\" do not exist.");
        db.execute("SELECT emaj.emaj_stop_groups(ARRAY['" + a + "', '" + b + "'])");
        assertThat(errorOf(db, "SELECT emaj.emaj_set_mark_groups(ARRAY['" + a + "', '" + b + "'], 'X')"))
            .isEqualTo("_check_group_names: The groups \"" + a + ", " + b + "\" are not in LOGGING state.");
        assertThat(db.queryForString("SELECT emaj.emaj_start_groups('{}')")).isEqualTo("0");
        assertThat(errorOf(db, "SELECT emaj.emaj_start_group(NULL)"))
            .isEqualTo("_check_group_names: No group name has been supplied.");
    }
}
