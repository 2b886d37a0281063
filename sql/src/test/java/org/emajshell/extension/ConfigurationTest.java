package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.ChangesSupport.error;
import static org.emajshell.extension.ChangesSupport.lit;
import static org.emajshell.extension.ChangesSupport.read;
import static org.emajshell.extension.ChangesSupport.serverDir;

/** Groups and parameters configurations: export and import, as JSON values and as server files. */
class ConfigurationTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static void schema(String s) {
        db.execute("CREATE SCHEMA " + s + ";"
            + "CREATE TABLE " + s + ".t1 (id int PRIMARY KEY, v text);"
            + "CREATE TABLE " + s + ".t2 (id int PRIMARY KEY, v text);"
            + "CREATE TABLE " + s + ".t3 (id int PRIMARY KEY, v text);"
            + "CREATE TABLE " + s + ".nopk (v text);"
            + "CREATE SEQUENCE " + s + ".q1; CREATE SEQUENCE " + s + ".q2;"
            + "CREATE FUNCTION " + s + ".f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
            + "CREATE TRIGGER trg_a BEFORE INSERT ON " + s + ".t1 FOR EACH ROW EXECUTE FUNCTION " + s + ".f();"
            + "CREATE TRIGGER trg_b BEFORE INSERT ON " + s + ".t1 FOR EACH ROW EXECUTE FUNCTION " + s + ".f();");
    }

    /** The export without its "_comment" line (which holds a time stamp). */
    private static String export(String args) {
        return db.queryForString("SELECT emaj.emaj_export_groups_configuration(" + args + ")").replaceAll("\n *\"_comment\": \"[^\"]*\",", "");
    }

    private static String relations(String schema) {
        return String.join("; ", db.queryForList("SELECT rel_tblseq || '=' || rel_group || coalesce('/p' || rel_priority, '')"
            + " || coalesce('/' || array_to_string(rel_ignored_triggers, ','), '') FROM emaj.emaj_relation"
            + " WHERE rel_schema = '" + schema + "' AND upper_inf(rel_time_range) ORDER BY rel_tblseq"));
    }

    @Test
    void exportDescribesTheGroups() {
        schema("ex");
        db.execute("SELECT emaj.emaj_create_group('ex_g1', true, E'a \"quoted\"\\ncomment');"
            + "SELECT emaj.emaj_assign_table('ex', 't1', 'ex_g1', '{\"priority\": 10, \"log_data_tablespace\": \"pg_default\","
            + "  \"ignored_triggers\": [\"trg_b\", \"trg_a\"]}');"
            + "SELECT emaj.emaj_assign_table('ex', 't2', 'ex_g1');"
            + "SELECT emaj.emaj_assign_sequence('ex', 'q1', 'ex_g1');"
            + "SELECT emaj.emaj_create_group('ex_g2', false);");
        String json = export("ARRAY['ex_g1', 'ex_g2']");
        assertThat(json).isEqualTo("""
            {
              "tables_groups": [
                {
                  "group": "ex_g1",
                  "is_rollbackable": true,
                  "comment": "a \\"quoted\\"\\ncomment",
                  "tables": [
                    {"schema": "ex", "table": "t1", "priority": 10, "log_data_tablespace": "pg_default", "ignored_triggers": ["trg_a","trg_b"]},
                    {"schema": "ex", "table": "t2"}
                  ],
                  "sequences": [
                    {"schema": "ex", "sequence": "q1"}
                  ]
                },
                {
                  "group": "ex_g2",
                  "is_rollbackable": false
                }
              ]
            }""");
        assertThat(db.queryForString("SELECT emaj.emaj_export_groups_configuration(ARRAY['ex_g2']) ->> '_comment'"))
            .startsWith("Generated on database " + db.name() + " with emaj version ").endsWith(", including the table groups ex_g2");
        assertThat(db.queryForString("SELECT json_array_length(emaj.emaj_export_groups_configuration() -> 'tables_groups')"))
            .isEqualTo(db.queryForString("SELECT count(*) FROM emaj.emaj_group"));
        assertThat(error(db, "SELECT emaj.emaj_export_groups_configuration(ARRAY['ex_g1', 'nope'])"))
            .contains("_check_group_names: The group \"nope\" does not exist.");
    }

    @Test
    void aFileExportReimportsTheSameGroups() {
        schema("rt");
        db.execute("SELECT emaj.emaj_create_group('rt_g1', true, 'first');"
            + "SELECT emaj.emaj_assign_tables('rt', ARRAY['t1', 't2'], 'rt_g1', '{\"priority\": 3}');"
            + "SELECT emaj.emaj_assign_sequences('rt', '.*', NULL, 'rt_g1');"
            + "SELECT emaj.emaj_create_group('rt_g2', false);"
            + "SELECT emaj.emaj_assign_tables('rt', ARRAY['t3', 'nopk'], 'rt_g2');");
        String before = export("ARRAY['rt_g1', 'rt_g2']");
        Path file = serverDir("conf").resolve("groups.json");
        assertThat(db.queryForString("SELECT emaj.emaj_export_groups_configuration('" + file + "', ARRAY['rt_g1', 'rt_g2'])")).isEqualTo("2");
        assertThat(read(file)).contains("\"group\": \"rt_g2\"");
        db.execute("SELECT emaj.emaj_drop_group('rt_g1'); SELECT emaj.emaj_drop_group('rt_g2');");
        assertThat(db.queryForString("SELECT emaj.emaj_import_groups_configuration('" + file + "')")).isEqualTo("2");
        assertThat(export("ARRAY['rt_g1', 'rt_g2']")).isEqualTo(before);
        assertThat(error(db, "SELECT emaj.emaj_import_groups_configuration('" + file + ".missing')"))
            .contains("emaj_import_groups_configuration: The file \"" + file + ".missing\" does not exist.");
    }

    @Test
    void importCreatesGroupsAndAdjustsIdleOnes() {
        schema("im");
        db.execute("SELECT emaj.emaj_create_group('im_a');"
            + "SELECT emaj.emaj_assign_tables('im', ARRAY['t1', 't2'], 'im_a');"
            + "SELECT emaj.emaj_assign_sequence('im', 'q1', 'im_a');");
        String json = """
            {"tables_groups": [
              {"group": "im_a", "comment": "now commented",
               "tables": [{"schema": "im", "table": "t1", "priority": 5, "ignored_triggers": "trg_a"}],
               "sequences": [{"schema": "im", "sequence": "q2"}]},
              {"group": "im_b", "is_rollbackable": false,
               "tables": [{"schema": "im", "table": "t2"}, {"schema": "im", "table": "nopk"}],
               "sequences": [{"schema": "im", "sequence": "q1"}]}]}""";
        assertThat(db.queryForString("SELECT emaj.emaj_import_groups_configuration(" + lit(json) + "::json)")).isEqualTo("2");
        assertThat(relations("im")).isEqualTo("nopk=im_b; q1=im_b; q2=im_a; t1=im_a/p5/trg_a; t2=im_b");
        assertThat(db.queryForRows("SELECT group_name, group_is_rollbackable::text, coalesce(group_comment, ''), group_nb_table::text,"
            + " group_nb_sequence::text FROM emaj.emaj_group WHERE group_name LIKE 'im%' ORDER BY 1"))
            .containsExactly(List.of("im_a", "true", "now commented", "1", "1"), List.of("im_b", "false", "", "2", "1"));
        assertThat(db.queryForList("SELECT rlchg_tblseq || ':' || rlchg_change_kind FROM emaj.emaj_relation_change"
            + " WHERE rlchg_schema = 'im' AND rlchg_time_id = (SELECT max(rlchg_time_id) FROM emaj.emaj_relation_change) ORDER BY 1"))
            .containsExactly("nopk:ADD_TABLE", "q1:MOVE_SEQUENCE", "q2:ADD_SEQUENCE", "t1:CHANGE_IGNORED_TRIGGERS",
                "t1:CHANGE_PRIORITY", "t2:MOVE_TABLE");
        assertThat(db.queryForString("SELECT time_event FROM emaj.emaj_time_stamp WHERE time_id = "
            + "(SELECT max(rlchg_time_id) FROM emaj.emaj_relation_change)")).isEqualTo("I");
        // importing the same configuration again changes nothing
        String state = export("ARRAY['im_a', 'im_b']");
        db.execute("SELECT emaj.emaj_import_groups_configuration(" + lit(json) + "::json)");
        assertThat(export("ARRAY['im_a', 'im_b']")).isEqualTo(state);
        // a table removed from the description leaves the group
        db.execute("SELECT emaj.emaj_import_groups_configuration(" + lit("{\"tables_groups\": [{\"group\": \"im_b\", \"is_rollbackable\": false,"
            + " \"tables\": [{\"schema\": \"im\", \"table\": \"t2\"}]}]}") + "::json)");
        assertThat(relations("im")).isEqualTo("q2=im_a; t1=im_a/p5/trg_a; t2=im_b");
    }

    @Test
    void aLoggingGroupIsOnlyChangedWhenAllowedAndThenGetsAMark() throws Exception {
        schema("lg");
        db.execute("SELECT emaj.emaj_create_group('lg_g');"
            + "SELECT emaj.emaj_assign_tables('lg', ARRAY['t1', 't2'], 'lg_g');"
            + "SELECT emaj.emaj_start_group('lg_g', 'L1');"
            + "INSERT INTO lg.t1 VALUES (1, 'before'); INSERT INTO lg.t2 VALUES (1, 'before');");
        String json = "{\"tables_groups\": [{\"group\": \"lg_g\", \"tables\": [{\"schema\": \"lg\", \"table\": \"t1\"},"
            + " {\"schema\": \"lg\", \"table\": \"t3\"}], \"sequences\": [{\"schema\": \"lg\", \"sequence\": \"q1\"}]}]}";
        assertThat(error(db, "SELECT emaj.emaj_import_groups_configuration(" + lit(json) + "::json)"))
            .contains("_import_groups_conf: The tables groups (lg_g) are in LOGGING state. They can only be changed when the p_allowGroupsUpdate parameter is true.");
        assertThat(db.queryForString("SELECT emaj.emaj_import_groups_configuration(" + lit(json) + "::json, NULL, true)")).isEqualTo("1");
        assertThat(relations("lg")).isEqualTo("q1=lg_g; t1=lg_g; t3=lg_g");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'lg_g' ORDER BY mark_time_id"))
            .hasSize(2).first().isEqualTo("L1");
        assertThat(db.queryForString("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'lg_g' ORDER BY mark_time_id DESC LIMIT 1"))
            .matches("IMPORT_\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d{4}");
        assertThat(db.queryForString("SELECT emaj.emaj_is_logging_group('lg_g')")).isEqualTo("t");
        // the group keeps logging, the new table included
        db.execute("INSERT INTO lg.t3 VALUES (1, 'after'); UPDATE lg.t1 SET v = 'after'; INSERT INTO lg.t2 VALUES (2, 'gone');"
            + "SELECT emaj.emaj_set_mark_group('lg_g', 'L3');");
        assertThat(db.queryForString("SELECT count(*) FROM emaj_lg.t3_log")).isEqualTo("1");
        db.execute("SELECT emaj.emaj_gen_sql_group('lg_g', 'L1', 'L3', NULL)");
        assertThat(db.queryForList("SELECT scr_sql FROM emaj_sql_script WHERE scr_sql ~ '^(INSERT|UPDATE)'")).containsExactly(
            "INSERT INTO lg.t1 (id, v) VALUES ('1', 'before');", "INSERT INTO lg.t2 (id, v) VALUES ('1', 'before');",
            "INSERT INTO lg.t3 (id, v) VALUES ('1', 'after');", "UPDATE ONLY lg.t1 SET v = 'after' WHERE id = '1';");
        // a named mark; an import that changes nothing sets no mark
        String json2 = json.replace(", {\"schema\": \"lg\", \"table\": \"t3\"}", "");
        db.execute("SELECT emaj.emaj_import_groups_configuration(" + lit(json2) + "::json, ARRAY['lg_g'], true, 'IMP_2')");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_mark_group('lg_g', 'IMP_2')")).isEqualTo("t");
        assertThat(error(db, "SELECT emaj.emaj_import_groups_configuration(" + lit(json) + "::json, NULL, true, 'IMP_2')"))
            .contains("_check_new_mark: The group \"lg_g\" already contains a mark named \"IMP_2\".");
        String marks = db.queryForString("SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = 'lg_g'");
        db.execute("SELECT emaj.emaj_import_groups_configuration(" + lit(json2) + "::json)");
        assertThat(db.queryForString("SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = 'lg_g'")).isEqualTo(marks);
    }

    @Test
    void otherGroupsMayBeDropped() {
        schema("dr");
        db.execute("SELECT emaj.emaj_create_group('dr_keep'); SELECT emaj.emaj_create_group('dr_old');"
            + "SELECT emaj.emaj_assign_table('dr', 't1', 'dr_old');");
        db.execute("SELECT emaj.emaj_export_groups_configuration(ARRAY['dr_keep'])");
        List<String> others = db.queryForList("SELECT group_name FROM emaj.emaj_group WHERE group_name NOT LIKE 'dr%' AND group_is_logging");
        String json = "{\"tables_groups\": [{\"group\": \"dr_keep\", \"tables\": [{\"schema\": \"dr\", \"table\": \"t1\"}]}"
            + String.join("", others.stream().map(g -> ", {\"group\": \"" + g + "\"}").toList()) + "]}";
        if (!others.isEmpty()) {
            // the logging groups of the other tests are described, so only the idle ones are dropped
            json = export("ARRAY[" + String.join(", ", others.stream().map(ChangesSupport::lit).toList()) + "]")
                .replace("\"tables_groups\": [", "\"tables_groups\": [{\"group\": \"dr_keep\", \"tables\": [{\"schema\": \"dr\", \"table\": \"t1\"}]},");
        }
        db.execute("SELECT emaj.emaj_import_groups_configuration(" + lit(json) + "::json, ARRAY['dr_keep'], false, NULL, true)");
        assertThat(db.queryForList("SELECT group_name FROM emaj.emaj_group WHERE group_name LIKE 'dr%'")).containsExactly("dr_keep");
        assertThat(db.queryForList("SELECT group_name FROM emaj.emaj_group WHERE NOT group_is_logging ORDER BY 1")).containsExactly("dr_keep");
        assertThat(relations("dr")).isEqualTo("t1=dr_keep");
        db.execute("SELECT emaj.emaj_start_group('dr_keep', 'D1')");
        assertThat(error(db, "SELECT emaj.emaj_import_groups_configuration('{\"tables_groups\": [{\"group\": \"dr_new\"}]}'::json, NULL, false, NULL, true)"))
            .contains("_import_groups_conf: The tables groups to drop (").contains("are in LOGGING state. Stop them first.");
    }

    @Test
    void invalidConfigurationsAreRefused() {
        schema("bad");
        db.execute("SELECT emaj.emaj_create_group('bad_g'); SELECT emaj.emaj_assign_table('bad', 't1', 'bad_g');"
            + "SELECT emaj.emaj_create_group('bad_other'); SELECT emaj.emaj_assign_table('bad', 't3', 'bad_other');");
        String call = "SELECT emaj.emaj_import_groups_configuration(%s::json)";
        assertThat(error(db, call.formatted("'[1, 2]'")))
            .contains("_import_groups_conf: The JSON structure is not valid: The JSON structure does not contain any \"tables_groups\" array.");
        assertThat(error(db, call.formatted(lit("{\"tables_groups\": [{\"group\": \"bad_g\", \"colour\": 1,"
            + " \"tables\": [{\"schema\": \"bad\"}], \"sequences\": [{\"schema\": \"bad\", \"sequence\": \"q1\", \"x\": 2}]}]}"))))
            .contains("For the tables group \"bad_g\", the keyword \"colour\" is unknown.")
            .contains("For the tables group \"bad_g\", the table #1 has no \"schema\" or \"table\" attribute.")
            .contains("For the tables group \"bad_g\" and the sequence \"bad\".\"q1\", the keyword \"x\" is unknown.");
        assertThat(error(db, call.formatted(lit("{\"tables_groups\": [{\"group\": \"bad_g\", \"tables\": [{\"schema\": \"bad\", \"table\": \"t1\"}]},"
            + " {\"group\": \"bad_g\"}, {\"group\": \"bad_h\", \"tables\": [{\"schema\": \"bad\", \"table\": \"t1\"}]}]}"))))
            .contains("The tables group \"bad_g\" is described several times.")
            .contains("The table \"bad\".\"t1\" is described several times (groups bad_g, bad_h).");
        assertThat(error(db, call.formatted(lit("{\"tables_groups\": [{\"group\": \"bad_g\", \"tables\": [{\"schema\": \"bad\", \"table\": \"zz\"}]}]}"))))
            .contains("Some tables or sequences do not exist or are not application tables or sequences (table bad.zz).");
        assertThat(error(db, call.formatted(lit("{\"tables_groups\": [{\"group\": \"bad_g\", \"tables\": [{\"schema\": \"bad\", \"table\": \"t3\"}]}]}"))))
            .contains("Some tables or sequences belong to tables groups that are not imported: bad.t3 (group bad_other).");
        assertThat(error(db, call.formatted(lit("{\"tables_groups\": [{\"group\": \"bad_g\", \"is_rollbackable\": false}]}"))))
            .contains("The type (ROLLBACKABLE or AUDIT_ONLY) of the existing tables groups (bad_g) cannot be changed.");
        assertThat(error(db, call.formatted(lit("{\"tables_groups\": [{\"group\": \"bad_g\", \"tables\": [{\"schema\": \"bad\", \"table\": \"nopk\"}]}]}"))))
            .contains("_check_tables_for_rollbackable_group: In schema bad, some tables (nopk) have no PRIMARY KEY.");
        assertThat(error(db, call.formatted(lit("{\"tables_groups\": [{\"group\": \"bad_g\", \"tables\": [{\"schema\": \"bad\", \"table\": \"t1\","
            + " \"log_data_tablespace\": \"no_such_tsp\"}]}]}"))))
            .contains("The tablespace \"no_such_tsp\" does not exist.");
        assertThat(error(db, "SELECT emaj.emaj_import_groups_configuration('{\"tables_groups\": []}'::json, ARRAY['bad_g'])"))
            .contains("_import_groups_conf: The tables groups (bad_g) to import are not described in the JSON structure.");
        assertThat(relations("bad")).isEqualTo("t1=bad_g; t3=bad_other");
    }

    @Test
    void onlyTheSelectedGroupsAreImported() {
        schema("sl");
        String json = "{\"tables_groups\": [{\"group\": \"sl_a\", \"tables\": [{\"schema\": \"sl\", \"table\": \"t1\"}]},"
            + " {\"group\": \"sl_b\", \"tables\": [{\"schema\": \"sl\", \"table\": \"t2\"}]}]}";
        assertThat(db.queryForString("SELECT emaj.emaj_import_groups_configuration(" + lit(json) + "::json, ARRAY['sl_b', NULL, 'sl_b'])")).isEqualTo("1");
        assertThat(relations("sl")).isEqualTo("t2=sl_b");
    }

    @Test
    void parametersExportAndImport() throws Exception {
        db.execute("SELECT emaj.emaj_import_parameters_configuration('{\"parameters\": []}'::json, true)");
        assertThat(db.queryForString("SELECT json_array_length(emaj.emaj_export_parameters_configuration() -> 'parameters')")).isEqualTo("0");
        db.execute("SELECT emaj.emaj_set_param('history_retention', '3 days'); SELECT emaj.emaj_set_param('alter_log_table', 'ADD COLUMN extra text')");
        String exported = db.queryForString("SELECT emaj.emaj_export_parameters_configuration()");
        assertThat(exported).contains("\"_help\": \"Known parameter keys: dblink_user_password, history_retention, alter_log_table,")
            .contains("{\"key\": \"history_retention\", \"value\": \"3 days\"},\n    {\"key\": \"alter_log_table\", \"value\": \"ADD COLUMN extra text\"}");
        assertThat(db.queryForString("SELECT json_array_length(emaj.emaj_export_parameters_configuration(true) -> 'parameters')")).isEqualTo("9");
        assertThat(db.queryForString("SELECT p ->> 'value' FROM json_array_elements(emaj.emaj_export_parameters_configuration(true) -> 'parameters') p"
            + " WHERE p ->> 'key' = 'avg_row_rollback_duration'")).isEqualTo("100 microseconds");
        Path file = serverDir("params").resolve("params.json");
        assertThat(db.queryForString("SELECT emaj.emaj_export_parameters_configuration('" + file + "')")).isEqualTo("2");
        assertThat(read(file)).contains("\"3 days\"");
        // import: the listed keys are set, the others kept unless reset
        assertThat(db.queryForString("SELECT emaj.emaj_import_parameters_configuration("
            + "'{\"parameters\": [{\"key\": \"HISTORY_RETENTION\", \"value\": \"5 days\"}, {\"key\": \"avg_fkey_check_duration\", \"value\": \"1 ms\"}]}'::json)"))
            .isEqualTo("2");
        assertThat(db.queryForRows("SELECT param_key, param_value FROM emaj.emaj_param ORDER BY 1")).containsExactly(
            List.of("alter_log_table", "ADD COLUMN extra text"), List.of("avg_fkey_check_duration", "1 ms"), List.of("history_retention", "5 days"));
        assertThat(db.queryForString("SELECT emaj.emaj_import_parameters_configuration('" + file + "', true)")).isEqualTo("2");
        assertThat(db.queryForRows("SELECT param_key, param_value FROM emaj.emaj_param ORDER BY 1")).containsExactly(
            List.of("alter_log_table", "ADD COLUMN extra text"), List.of("history_retention", "3 days"));
        db.execute("SELECT emaj.emaj_import_parameters_configuration('{\"parameters\": [{\"key\": \"alter_log_table\", \"value\": null}]}'::json)");
        assertThat(db.queryForList("SELECT param_key FROM emaj.emaj_param ORDER BY 1")).containsExactly("history_retention");
        // checks
        assertThat(error(db, "SELECT emaj.emaj_import_parameters_configuration('{\"parameters\": [{\"key\": \"nope\", \"value\": \"1\"}]}'::json)"))
            .contains("_import_param_conf: The \"nope\" key is unknown.");
        assertThat(error(db, "SELECT emaj.emaj_import_parameters_configuration('{\"parameters\": [{\"key\": \"history_retention\", \"value\": \"soon\"}]}'::json)"))
            .contains("The \"soon\" value is not a valid time interval.");
        assertThat(error(db, "SELECT emaj.emaj_import_parameters_configuration('{\"params\": []}'::json)"))
            .contains("_import_param_conf: The JSON structure does not contain any \"parameters\" array.");
        assertThat(db.queryForList("SELECT param_key || '=' || param_value FROM emaj.emaj_param")).containsExactly("history_retention=3 days");
        db.execute("SELECT emaj.emaj_import_parameters_configuration('{\"parameters\": []}'::json, true)");
        Files.deleteIfExists(file);
    }

    @Test
    void fileFunctionsNeedServerFileRights() {
        db.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chg_conf_adm') THEN"
            + "  CREATE ROLE chg_conf_adm; END IF; END $$;"
            + "GRANT emaj_adm TO chg_conf_adm; REVOKE pg_write_server_files, pg_read_server_files FROM chg_conf_adm;");
        Path dir = serverDir("confrights");
        db.execute("SET SESSION AUTHORIZATION chg_conf_adm");
        try {
            assertThat(db.queryForString("SELECT emaj.emaj_export_groups_configuration() IS NOT NULL")).isEqualTo("t");
            assertThat(error(db, "SELECT emaj.emaj_export_groups_configuration('" + dir + "/g.json')"))
                .contains("_check_can_copy_to: Writing into an external file is not allowed on this emaj instance");
            assertThat(error(db, "SELECT emaj.emaj_export_parameters_configuration('" + dir + "/p.json')"))
                .contains("_check_can_copy_to: Writing into an external file is not allowed on this emaj instance");
            assertThat(error(db, "SELECT emaj.emaj_import_groups_configuration('" + dir + "/g.json')"))
                .contains("_conf_check_can_read_file: Reading an external file is not allowed on this emaj instance");
            assertThat(error(db, "SELECT emaj.emaj_import_parameters_configuration('" + dir + "/p.json')"))
                .contains("_conf_check_can_read_file: Reading an external file is not allowed on this emaj instance");
        } finally {
            db.execute("RESET SESSION AUTHORIZATION");
        }
    }
}
