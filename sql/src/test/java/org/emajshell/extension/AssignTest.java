package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.errorOf;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;
import static org.emajshell.extension.CoreSupport.newSchema;

/** Assignment, removal, move and modification of tables and sequences (section a.2). */
class AssignTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static int idleGroup() {
        int n = newSchema(db);
        db.execute("SELECT emaj.emaj_create_group('g" + n + "')");
        return n;
    }

    private static String q(String sql) {
        return db.queryForString(sql);
    }

    @Test
    void assignTableCreatesTheLogObjectsAndTheCatalogRow() {
        int n = idleGroup();
        assertThat(q("SELECT emaj.emaj_assign_table('s" + n + "', 'cust', 'g" + n + "')")).isEqualTo("1");
        // log table: application columns, then the technical ones
        assertThat(db.queryForList("SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' nn' ELSE '' END"
            + " FROM pg_attribute WHERE attrelid = 'emaj_s" + n + ".cust_log'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum"))
            .containsExactly("id integer", "name text", "city text", "emaj_verb character varying(3) nn",
                "emaj_tuple character varying(3) nn", "emaj_gid bigint nn", "emaj_changed timestamp with time zone",
                "emaj_txid bigint", "emaj_user character varying(32)");
        assertThat(q("SELECT count(*) FROM pg_class WHERE relname IN ('cust_log_idx', 'cust_log_seq')"
            + " AND relnamespace = 'emaj_s" + n + "'::regnamespace")).isEqualTo("2");
        assertThat(q("SELECT count(*) FROM pg_proc WHERE proname = 'cust_log_fnct' AND pronamespace = 'emaj_s" + n + "'::regnamespace"
            + " AND prosecdef")).isEqualTo("1");
        assertThat(db.queryForList("SELECT tgname || ':' || tgenabled::text FROM pg_trigger WHERE tgrelid = 's" + n + ".cust'::regclass"
            + " AND NOT tgisinternal ORDER BY 1"))
            .containsExactly("emaj_log_trg_del:D", "emaj_log_trg_ins:D", "emaj_log_trg_upd:D", "emaj_trunc_trg:D");
        assertThat(db.queryForRows("SELECT rel_kind, rel_log_schema, rel_log_table, rel_log_index, rel_log_sequence, rel_log_function,"
            + " rel_pk_cols::text, upper_inf(rel_time_range), lower(rel_time_range) = group_last_alter_time_id, rel_emaj_verb_attnum,"
            + " rel_sql_rlbk_columns, group_nb_table"
            + " FROM emaj.emaj_relation JOIN emaj.emaj_group ON group_name = rel_group WHERE rel_schema = 's" + n + "'"))
            .containsExactly(List.of("r", "emaj_s" + n, "cust_log", "cust_log_idx", "cust_log_seq", "cust_log_fnct", "{id}", "t",
                "t", "4", "id, name, city", "1"));
        assertThat(q("SELECT rlchg_change_kind FROM emaj.emaj_relation_change WHERE rlchg_schema = 's" + n + "'")).isEqualTo("ADD_TABLE");
        // no mark for an idle group, and nothing logged
        assertThat(q("SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'")).isEqualTo("0");
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b')");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("0");
    }

    @Test
    void assignTableToALoggingGroupSetsAMarkAndLogsAtOnce() {
        int n = newLoggingGroup(db);
        db.execute("CREATE TABLE s" + n + ".extra (id int PRIMARY KEY)");
        assertThat(q("SELECT emaj.emaj_assign_table('s" + n + "', 'extra', 'g" + n + "')")).isEqualTo("1");
        assertThat(q("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "' ORDER BY mark_time_id DESC LIMIT 1"))
            .matches("ASSIGN_\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d{4}");
        assertThat(q("SELECT mark_time_id = lower(rel_time_range) FROM emaj.emaj_mark, emaj.emaj_relation WHERE mark_group = 'g" + n
            + "' AND mark_name LIKE 'ASSIGN%' AND rel_schema = 's" + n + "' AND rel_tblseq = 'extra'")).isEqualTo("t");
        db.execute("INSERT INTO s" + n + ".extra VALUES (1)");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".extra_log")).isEqualTo("1");
        db.execute("CREATE TABLE s" + n + ".extra2 (id int PRIMARY KEY)");
        db.execute("SELECT emaj.emaj_assign_table('s" + n + "', 'extra2', 'g" + n + "', NULL, 'my assign mark')");
        assertThat(q("SELECT emaj.emaj_does_exist_mark_group('g" + n + "', 'my assign mark')")).isEqualTo("t");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('s" + n + "', 'unlog', 'g" + n + "', NULL, 'M1')"))
            .startsWith("_check_tables_for_rollbackable_group");
        db.execute("CREATE TABLE s" + n + ".extra3 (id int PRIMARY KEY)");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('s" + n + "', 'extra3', 'g" + n + "', NULL, 'M1')"))
            .isEqualTo("_check_new_mark: The group \"g" + n + "\" already contains a mark named \"M1\".");
    }

    @Test
    void assignTableChecks() {
        int n = idleGroup();
        String s = "s" + n, g = "g" + n;
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'nosuch', '" + g + "')"))
            .isEqualTo("_assign_tables: In schema " + s + ", some tables (nosuch) do not exist.");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'nopk', '" + g + "')"))
            .isEqualTo("_check_tables_for_rollbackable_group: In schema " + s + ", some tables (nopk) have no PRIMARY KEY.");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'unlog', '" + g + "')"))
            .isEqualTo("_check_tables_for_rollbackable_group: In schema " + s + ", some tables (unlog) are UNLOGGED tables.");
        db.execute("SELECT emaj.emaj_assign_table('" + s + "', 'cust', '" + g + "')");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'cust', '" + g + "')"))
            .isEqualTo("_assign_tables: In schema " + s + ", some tables (cust) already belong to a group.");
        db.execute("CREATE TABLE " + s + ".part (id int, PRIMARY KEY (id)) PARTITION BY RANGE (id);"
            + "CREATE TABLE " + s + ".part1 PARTITION OF " + s + ".part FOR VALUES FROM (0) TO (100);");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'part', '" + g + "')"))
            .isEqualTo("_assign_tables: In schema " + s + ", some tables (part) are partitionned tables (only elementary partitions are supported).");
        assertThat(q("SELECT emaj.emaj_assign_table('" + s + "', 'part1', '" + g + "')")).isEqualTo("1");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'ord', 'nosuchgroup')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('nosuchschema', 'ord', '" + g + "')"))
            .isEqualTo("_assign_tables: The schema \"nosuchschema\" does not exist.");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('emaj', 'emaj_param', '" + g + "')"))
            .isEqualTo("_assign_tables: The schema \"emaj\" is an E-Maj schema.");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'ord', '" + g + "', '{\"colour\": 1}')"))
            .isEqualTo("_assign_tables: The \"colour\" property is unknown.");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'ord', '" + g + "', '{\"log_data_tablespace\": \"nosuchtsp\"}')"))
            .isEqualTo("_assign_tables: The tablespace \"nosuchtsp\" does not exist.");
    }

    @Test
    void auditOnlyGroupsAcceptTablesWithoutPrimaryKeyAndUnloggedTables() {
        int n = newSchema(db);
        db.execute("SELECT emaj.emaj_create_group('g" + n + "', false)");
        assertThat(q("SELECT emaj.emaj_assign_tables('s" + n + "', ARRAY['nopk', 'unlog'], 'g" + n + "')")).isEqualTo("2");
        assertThat(q("SELECT rel_pk_cols IS NULL FROM emaj.emaj_relation WHERE rel_schema = 's" + n + "' AND rel_tblseq = 'nopk'"))
            .isEqualTo("t");
    }

    @Test
    void assignTablesByListAndByRegexps() {
        int n = idleGroup();
        String s = "s" + n, g = "g" + n;
        assertThat(q("SELECT emaj.emaj_assign_tables('" + s + "', ARRAY['cust', NULL, '', 'cust'], '" + g + "')")).isEqualTo("1");
        // the regexp form skips assigned tables, tables without PK and UNLOGGED tables (rollbackable group)
        assertThat(q("SELECT emaj.emaj_assign_tables('" + s + "', '.*', NULL, '" + g + "')")).isEqualTo("1");
        assertThat(db.queryForList("SELECT rel_tblseq FROM emaj.emaj_relation WHERE rel_group = '" + g + "' ORDER BY 1"))
            .containsExactly("cust", "ord");
        int m = idleGroup();
        assertThat(q("SELECT emaj.emaj_assign_tables('s" + m + "', '^(cust|ord)$', 'ord', 'g" + m + "')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_assign_tables('s" + m + "', NULL, NULL, 'g" + m + "')")).isEqualTo("0");
        assertThat(q("SELECT emaj.emaj_assign_tables('s" + m + "', '', '', 'g" + m + "')")).isEqualTo("0");
        assertThat(q("SELECT emaj.emaj_assign_tables('s" + m + "', ARRAY[]::text[], 'g" + m + "')")).isEqualTo("0");
        // sequences are not picked up by the tables regexp
        assertThat(db.queryForList("SELECT rel_tblseq FROM emaj.emaj_relation WHERE rel_group = 'g" + m + "'")).containsExactly("cust");
    }

    @Test
    void tablePropertiesAreRecorded() {
        int n = idleGroup();
        String s = "s" + n, g = "g" + n;
        db.execute("CREATE FUNCTION " + s + ".trgf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
            + "CREATE TRIGGER audit1 AFTER INSERT ON " + s + ".cust FOR EACH ROW EXECUTE FUNCTION " + s + ".trgf();"
            + "CREATE TRIGGER audit2 AFTER INSERT ON " + s + ".cust FOR EACH ROW EXECUTE FUNCTION " + s + ".trgf();"
            + "CREATE TRIGGER other AFTER INSERT ON " + s + ".cust FOR EACH ROW EXECUTE FUNCTION " + s + ".trgf();");
        db.execute("SELECT emaj.emaj_assign_table('" + s + "', 'cust', '" + g + "', '{\"priority\": 5, \"log_data_tablespace\":"
            + " \"pg_default\", \"log_index_tablespace\": \"pg_default\", \"ignored_triggers\": \"other\","
            + " \"ignored_triggers_profiles\": [\"^audit\"]}')");
        assertThat(db.queryForRows("SELECT rel_priority, rel_log_dat_tsp, rel_log_idx_tsp, rel_ignored_triggers::text"
            + " FROM emaj.emaj_relation WHERE rel_schema = '" + s + "' AND rel_tblseq = 'cust'"))
            .containsExactly(List.of("5", "pg_default", "pg_default", "{audit1,audit2,other}"));
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'ord', '" + g + "', '{\"ignored_triggers\": [\"nosuchtrg\"]}')"))
            .isEqualTo("_assign_tables: In table \"" + s + "\".\"ord\", some triggers (nosuchtrg) are not application triggers of the table.");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_table('" + s + "', 'ord', '" + g + "', '{\"priority\": \"high\"}')"))
            .isEqualTo("_assign_tables: The \"priority\" property is not an integer.");
    }

    @Test
    void longTableNamesGetAGeneratedLogPrefix() {
        int n = idleGroup();
        String longName = "a_table_with_a_really_long_name_that_goes_past_fifty_chars";
        db.execute("CREATE TABLE s" + n + "." + longName + " (id int PRIMARY KEY)");
        db.execute("SELECT emaj.emaj_assign_table('s" + n + "', '" + longName + "', 'g" + n + "')");
        assertThat(db.queryForRows("SELECT rel_log_table, rel_log_sequence FROM emaj.emaj_relation WHERE rel_tblseq = '" + longName + "'"))
            .containsExactly(List.of(longName.substring(0, 45) + "#1_log", longName.substring(0, 45) + "#1_log_seq"));
        db.execute("SELECT emaj.emaj_start_group('g" + n + "'); INSERT INTO s" + n + "." + longName + " VALUES (1);");
        assertThat(q("SELECT count(*) FROM emaj_s" + n + ".\"" + longName.substring(0, 45) + "#1_log\"")).isEqualTo("1");
    }

    @Test
    void removeTableDropsOrKeepsTheLogTable() {
        int n = idleGroup();
        String s = "s" + n, g = "g" + n;
        db.execute("SELECT emaj.emaj_assign_tables('" + s + "', ARRAY['cust', 'ord'], '" + g + "')");
        // idle group without mark: the log table goes
        assertThat(q("SELECT emaj.emaj_remove_table('" + s + "', 'ord')")).isEqualTo("1");
        assertThat(q("SELECT to_regclass('emaj_" + s + ".ord_log') IS NULL")).isEqualTo("t");
        assertThat(q("SELECT count(*) FROM emaj.emaj_relation WHERE rel_tblseq = 'ord' AND rel_schema = '" + s + "'")).isEqualTo("0");
        assertThat(q("SELECT relh_group FROM emaj.emaj_rel_hist WHERE relh_tblseq = 'ord' AND relh_schema = '" + s + "'")).isEqualTo(g);
        assertThat(q("SELECT count(*) FROM pg_trigger WHERE tgrelid = '" + s + ".ord'::regclass AND tgname LIKE 'emaj%'")).isEqualTo("0");
        // logging group: a REMOVE mark, the log table is kept and renamed
        db.execute("SELECT emaj.emaj_start_group('" + g + "'); INSERT INTO " + s + ".cust VALUES (1, 'a', 'b');");
        assertThat(q("SELECT emaj.emaj_remove_table('" + s + "', 'cust')")).isEqualTo("1");
        assertThat(q("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = '" + g + "' ORDER BY mark_time_id DESC LIMIT 1"))
            .startsWith("REMOVE_");
        assertThat(db.queryForRows("SELECT rel_log_table, upper_inf(rel_time_range), rel_log_seq_last_value FROM emaj.emaj_relation"
            + " WHERE rel_schema = '" + s + "' AND rel_tblseq = 'cust'")).containsExactly(List.of("cust_log_1", "f", "1"));
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log_1")).isEqualTo("1");
        assertThat(q("SELECT group_nb_table FROM emaj.emaj_group WHERE group_name = '" + g + "'")).isEqualTo("0");
        db.execute("INSERT INTO " + s + ".cust VALUES (2, 'c', 'd')");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log_1")).isEqualTo("1");
        assertThat(errorOf(db, "SELECT emaj.emaj_remove_table('" + s + "', 'cust')"))
            .isEqualTo("_remove_tables: In schema " + s + ", some tables (cust) do not belong to any group.");
        // re-assigned: a new log table, the old one is kept; a second removal gives _2
        db.execute("SELECT emaj.emaj_assign_table('" + s + "', 'cust', '" + g + "'); SELECT emaj.emaj_remove_table('" + s + "', 'cust');");
        assertThat(db.queryForList("SELECT rel_log_table FROM emaj.emaj_relation WHERE rel_schema = '" + s + "' ORDER BY 1"))
            .containsExactly("cust_log_1", "cust_log_2");
        // the kept log tables go when the group is reset by a start
        db.execute("SELECT emaj.emaj_stop_group('" + g + "'); SELECT emaj.emaj_start_group('" + g + "');");
        assertThat(q("SELECT count(*) FROM emaj.emaj_relation WHERE rel_schema = '" + s + "'")).isEqualTo("0");
        assertThat(q("SELECT count(*) FROM pg_namespace WHERE nspname = 'emaj_" + s + "'")).isEqualTo("0");
    }

    @Test
    void removeTablesByListAndRegexpAcrossGroups() {
        int n = idleGroup();
        String s = "s" + n;
        db.execute("SELECT emaj.emaj_create_group('h" + n + "');"
            + "SELECT emaj.emaj_assign_table('" + s + "', 'cust', 'g" + n + "');"
            + "SELECT emaj.emaj_assign_table('" + s + "', 'ord', 'h" + n + "');");
        assertThat(q("SELECT emaj.emaj_remove_tables('" + s + "', ARRAY['cust', 'ord'])")).isEqualTo("2");
        db.execute("SELECT emaj.emaj_assign_tables('" + s + "', '.*', NULL, 'g" + n + "')");
        assertThat(q("SELECT emaj.emaj_remove_tables('" + s + "', '^c', NULL)")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_remove_tables('" + s + "', '.*', 'ord')")).isEqualTo("0");
        assertThat(q("SELECT emaj.emaj_remove_tables('" + s + "', '.*', '')")).isEqualTo("1");
        assertThat(errorOf(db, "SELECT emaj.emaj_remove_tables('" + s + "', ARRAY['cust', 'nopk'])"))
            .isEqualTo("_remove_tables: In schema " + s + ", some tables (cust, nopk) do not belong to any group.");
    }

    @Test
    void moveTableKeepsCountingItsChanges() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("SELECT emaj.emaj_create_group('h" + n + "'); SELECT emaj.emaj_start_group('h" + n + "', 'H1');"
            + "INSERT INTO " + s + ".cust VALUES (1, 'a', 'b'), (2, 'c', 'd');");
        assertThat(q("SELECT emaj.emaj_move_table('" + s + "', 'cust', 'h" + n + "', 'MV')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_get_assigned_group_table('" + s + "', 'cust')")).isEqualTo("h" + n);
        assertThat(q("SELECT count(*) FROM emaj.emaj_mark WHERE mark_name = 'MV'")).isEqualTo("2");
        db.execute("UPDATE " + s + ".cust SET city = 'x'");
        assertThat(db.queryForRows("SELECT stat_group, stat_rows FROM emaj.emaj_log_stat_group('g" + n + "', 'M1', NULL)"
            + " WHERE stat_table = 'cust'")).containsExactly(List.of("g" + n, "2"));
        assertThat(db.queryForRows("SELECT stat_group, stat_rows FROM emaj.emaj_log_stat_group('h" + n + "', 'MV', NULL)"
            + " WHERE stat_table = 'cust'")).containsExactly(List.of("h" + n, "2"));
        assertThat(q("SELECT rlchg_new_group FROM emaj.emaj_relation_change WHERE rlchg_schema = '" + s
            + "' AND rlchg_change_kind = 'MOVE_TABLE'")).isEqualTo("h" + n);
        assertThat(db.queryForRows("SELECT group_name, group_nb_table FROM emaj.emaj_group WHERE group_name IN ('g" + n + "', 'h" + n
            + "') ORDER BY 1")).containsExactly(List.of("g" + n, "1"), List.of("h" + n, "1"));
        // moving to the same group does nothing
        assertThat(q("SELECT emaj.emaj_move_table('" + s + "', 'cust', 'h" + n + "')")).isEqualTo("0");
        assertThat(errorOf(db, "SELECT emaj.emaj_move_table('" + s + "', 'cust', 'nosuchgroup')"))
            .isEqualTo("_check_group_names: The group \"nosuchgroup\" does not exist.");
        assertThat(errorOf(db, "SELECT emaj.emaj_move_table('" + s + "', 'nopk', 'h" + n + "')"))
            .isEqualTo("_move_tables: In schema " + s + ", some tables (nopk) do not belong to any group.");
    }

    @Test
    void moveTablesByListAndRegexpChecksTheTargetGroupType() {
        int n = newSchema(db);
        String s = "s" + n;
        db.execute("SELECT emaj.emaj_create_group('a" + n + "', false); SELECT emaj.emaj_create_group('r" + n + "');"
            + "SELECT emaj.emaj_assign_tables('" + s + "', ARRAY['cust', 'ord', 'nopk'], 'a" + n + "');");
        assertThat(errorOf(db, "SELECT emaj.emaj_move_tables('" + s + "', ARRAY['cust', 'nopk'], 'r" + n + "')"))
            .isEqualTo("_check_tables_for_rollbackable_group: In schema " + s + ", some tables (nopk) have no PRIMARY KEY.");
        assertThat(q("SELECT emaj.emaj_move_tables('" + s + "', ARRAY['cust', 'ord'], 'r" + n + "')")).isEqualTo("2");
        assertThat(q("SELECT emaj.emaj_move_tables('" + s + "', '^(cust|ord)$', 'ord', 'a" + n + "')")).isEqualTo("1");
        assertThat(db.queryForList("SELECT rel_tblseq || ':' || rel_group FROM emaj.emaj_relation WHERE rel_schema = '" + s
            + "' ORDER BY 1")).containsExactly("cust:a" + n, "nopk:a" + n, "ord:r" + n);
    }

    @Test
    void modifyTableChangesOnlyTheGivenProperties() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("SELECT emaj.emaj_modify_table('" + s + "', 'cust', '{\"priority\": 3}')");
        assertThat(q("SELECT rel_priority FROM emaj.emaj_relation WHERE rel_schema = '" + s + "' AND rel_tblseq = 'cust'")).isEqualTo("3");
        assertThat(q("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "' ORDER BY mark_time_id DESC LIMIT 1"))
            .startsWith("MODIFY_");
        // no real change: 0 and no mark
        String marks = q("SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'");
        assertThat(q("SELECT emaj.emaj_modify_table('" + s + "', 'cust', '{\"priority\": 3}')")).isEqualTo("0");
        assertThat(q("SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'")).isEqualTo(marks);
        // a JSON null resets, tablespaces move
        assertThat(q("SELECT emaj.emaj_modify_tables('" + s + "', ARRAY['cust', 'ord'], '{\"priority\": null,"
            + " \"log_data_tablespace\": \"pg_default\"}', 'MOD2')")).isEqualTo("2");
        assertThat(db.queryForRows("SELECT rel_tblseq, coalesce(rel_priority::text, ''), rel_log_dat_tsp FROM emaj.emaj_relation WHERE rel_schema = '" + s
            + "' AND rel_kind = 'r' ORDER BY 1")).containsExactly(List.of("cust", "", "pg_default"), List.of("ord", "", "pg_default"));
        assertThat(q("SELECT emaj.emaj_modify_tables('" + s + "', '.*', 'ord', '{\"log_index_tablespace\": \"pg_default\"}'::jsonb)"))
            .isEqualTo("1");
        assertThat(db.queryForList("SELECT rlchg_change_kind::text FROM emaj.emaj_relation_change WHERE rlchg_schema = '" + s
            + "' AND rlchg_tblseq = 'cust' ORDER BY rlchg_time_id, 1"))
            .containsExactly("ADD_TABLE", "CHANGE_PRIORITY", "CHANGE_LOG_DATA_TABLESPACE", "CHANGE_PRIORITY", "CHANGE_LOG_INDEX_TABLESPACE");
        assertThat(errorOf(db, "SELECT emaj.emaj_modify_table('" + s + "', 'cust', '{\"nosuchkey\": 1}')"))
            .isEqualTo("_modify_tables: The \"nosuchkey\" property is unknown.");
        assertThat(errorOf(db, "SELECT emaj.emaj_modify_table('" + s + "', 'nopk', '{\"priority\": 1}')"))
            .isEqualTo("_modify_tables: In schema " + s + ", some tables (nopk) do not belong to any group.");
    }

    @Test
    void assignRemoveAndMoveSequences() {
        int n = idleGroup();
        String s = "s" + n, g = "g" + n;
        db.execute("CREATE SEQUENCE " + s + ".seq2; CREATE SEQUENCE " + s + ".other; SELECT emaj.emaj_create_group('h" + n + "');");
        assertThat(q("SELECT emaj.emaj_assign_sequence('" + s + "', 'seq', '" + g + "')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_assign_sequences('" + s + "', ARRAY['seq2'], '" + g + "')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_assign_sequences('" + s + "', '.*', 'other', '" + g + "')")).isEqualTo("0");
        assertThat(q("SELECT emaj.emaj_assign_sequences('" + s + "', '^oth', NULL, 'h" + n + "')")).isEqualTo("1");
        assertThat(q("SELECT group_nb_sequence FROM emaj.emaj_group WHERE group_name = '" + g + "'")).isEqualTo("2");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_sequence('" + s + "', 'nosuch', '" + g + "')"))
            .isEqualTo("_assign_sequences: In schema " + s + ", some sequences (nosuch) do not exist.");
        assertThat(errorOf(db, "SELECT emaj.emaj_assign_sequence('" + s + "', 'seq', '" + g + "')"))
            .isEqualTo("_assign_sequences: In schema " + s + ", some sequences (seq) already belong to a group.");
        assertThat(q("SELECT emaj.emaj_get_assigned_group_sequence('" + s + "', 'seq')")).isEqualTo(g);
        assertThat(q("SELECT emaj.emaj_move_sequence('" + s + "', 'seq', 'h" + n + "')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_move_sequences('" + s + "', ARRAY['seq2'], 'h" + n + "')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_move_sequences('" + s + "', '.*', NULL, '" + g + "')")).isEqualTo("3");
        assertThat(q("SELECT emaj.emaj_remove_sequence('" + s + "', 'seq')")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_remove_sequences('" + s + "', ARRAY['seq2'])")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_remove_sequences('" + s + "', '.*', NULL)")).isEqualTo("1");
        assertThat(q("SELECT emaj.emaj_get_assigned_group_sequence('" + s + "', 'seq')")).isNull();
        assertThat(errorOf(db, "SELECT emaj.emaj_remove_sequence('" + s + "', 'seq')"))
            .isEqualTo("_remove_sequences: In schema " + s + ", some sequences (seq) do not belong to any group.");
        assertThat(errorOf(db, "SELECT emaj.emaj_move_sequence('" + s + "', 'seq', '" + g + "')"))
            .isEqualTo("_move_sequences: In schema " + s + ", some sequences (seq) do not belong to any group.");
        assertThat(errorOf(db, "SELECT emaj.emaj_get_assigned_group_sequence('" + s + "', 'nosuch')"))
            .isEqualTo("emaj_get_assigned_group_sequence: The sequence \"" + s + "\".\"nosuch\" does not exist.");
    }

    @Test
    void sequenceRemovedFromALoggingGroupKeepsItsStatistics() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("SELECT nextval('" + s + ".seq'), nextval('" + s + ".seq'), nextval('" + s + ".seq')");
        db.execute("SELECT emaj.emaj_remove_sequence('" + s + "', 'seq', 'RM')");
        db.execute("SELECT nextval('" + s + ".seq')");
        // (last_value at RM - last_value at M1) / increment = (3 - 1) / 1
        assertThat(db.queryForRows("SELECT stat_sequence, stat_increments, stat_last_mark FROM emaj.emaj_sequence_stat_group('g" + n
            + "', 'M1', NULL)")).containsExactly(List.of("seq", "2", "RM"));
    }

    @Test
    void assignmentGetters() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        assertThat(q("SELECT emaj.emaj_get_assigned_group_table('" + s + "', 'cust')")).isEqualTo("g" + n);
        assertThat(q("SELECT emaj.emaj_get_assigned_group_table('" + s + "', 'nopk')")).isNull();
        assertThat(errorOf(db, "SELECT emaj.emaj_get_assigned_group_table('" + s + "', 'nosuch')"))
            .isEqualTo("emaj_get_assigned_group_table: The table \"" + s + "\".\"nosuch\" does not exist.");
        assertThat(db.queryForRows("SELECT * FROM emaj.emaj_get_current_log_table('" + s + "', 'cust')"))
            .containsExactly(List.of("emaj_" + s, "cust_log"));
        assertThat(db.queryForRows("SELECT * FROM emaj.emaj_get_current_log_table('" + s + "', 'nopk')"))
            .containsExactly(java.util.Arrays.asList(null, null));
    }
}
