package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.ChangesSupport.array;
import static org.emajshell.extension.ChangesSupport.copyContent;
import static org.emajshell.extension.ChangesSupport.dropCopy;
import static org.emajshell.extension.ChangesSupport.execute;
import static org.emajshell.extension.ChangesSupport.fileNames;
import static org.emajshell.extension.ChangesSupport.lit;
import static org.emajshell.extension.ChangesSupport.newPlainDatabase;
import static org.emajshell.extension.ChangesSupport.q;
import static org.emajshell.extension.ChangesSupport.read;
import static org.emajshell.extension.ChangesSupport.script;
import static org.emajshell.extension.ChangesSupport.serverDir;
import static org.emajshell.extension.ChangesSupport.snapshot;

/**
 * Schemas, tables, columns, sequences, groups and marks whose names hold capitals, spaces, quotes
 * and non-ASCII letters, through every function of the changes and configuration parts.
 */
class QuotedNamesTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    static final String S = "My Schéma \"Q\" 'x'";
    static final String T1 = "Tâble \"T\" 'o' Ü";
    static final String T2 = "UPPER lower";
    static final String SEQ = "Séq \"1\" 'z'";
    static final String G = "Grp \"ü\" 'x' Z";
    static final String M1 = "M 'one' \"1\"";
    static final String M2 = "M2 ü";
    static final String T1Q = q(S) + "." + q(T1);
    static final String T2Q = q(S) + "." + q(T2);
    static final String SEQQ = q(S) + "." + q(SEQ);

    static String ddl() {
        return "CREATE SCHEMA " + q(S) + ";"
            + "CREATE TABLE " + T1Q + " (" + q("Id Kéy") + " int, " + q("it's") + " text, " + q("vàl\"ue") + " text, "
            + q("Ünï") + " numeric, PRIMARY KEY (" + q("Id Kéy") + ", " + q("it's") + "));"
            + "CREATE TABLE " + T2Q + " (" + q("ID") + " int PRIMARY KEY, " + q("Select") + " text);"
            + "CREATE SEQUENCE " + SEQQ + ";";
    }

    @BeforeAll
    static void group() {
        db.execute(ddl()
            + "INSERT INTO " + T1Q + " VALUES (1, 'a''b', 'x\"y', 1.5), (2, 'é', NULL, NULL);"
            + "INSERT INTO " + T2Q + " VALUES (1, 'one'), (2, 'two');"
            + "SELECT emaj.emaj_create_group(" + lit(G) + ");"
            + "SELECT emaj.emaj_assign_tables(" + lit(S) + ", " + array(T1, T2) + ", " + lit(G) + ");"
            + "SELECT emaj.emaj_assign_sequence(" + lit(S) + ", " + lit(SEQ) + ", " + lit(G) + ");"
            + "SELECT emaj.emaj_start_group(" + lit(G) + ", " + lit(M1) + ");");
    }

    private static void changes() {
        db.execute("INSERT INTO " + T1Q + " VALUES (3, E'new\\nline', 'it''s \"q\"', 3);"
            + "UPDATE " + T1Q + " SET " + q("vàl\"ue") + " = 'changed ü' WHERE " + q("Id Kéy") + " = 1;"
            + "UPDATE " + T1Q + " SET " + q("it's") + " = 'a''changed' WHERE " + q("Id Kéy") + " = 2;"
            + "DELETE FROM " + T1Q + " WHERE " + q("Id Kéy") + " = 3;"
            + "INSERT INTO " + T1Q + " VALUES (4, 'four', 'ü', 4);"
            + "TRUNCATE " + T2Q + ";"
            + "INSERT INTO " + T2Q + " VALUES (9, 'nine');"
            + "SELECT nextval(" + lit(SEQQ) + ");"
            + "SELECT emaj.emaj_set_mark_group(" + lit(G) + ", " + lit(M2) + ");");
    }

    @Test
    void everyFunctionHandlesTheNames() throws Exception {
        Connection copy = newPlainDatabase("quoted");
        try {
            execute(copy, ddl());
            copyContent(db.connection(), copy, S);
            changes();
            Map<String, String> atM2 = snapshot(db, S);

            // replay script, into the temporary table and into a file
            assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_group(" + lit(G) + ", " + lit(M1) + ", " + lit(M2) + ", NULL)"))
                .isEqualTo("9");
            String script = script(db);
            assertThat(script).contains("INSERT INTO \"My Schéma \"\"Q\"\" 'x'\".\"Tâble \"\"T\"\" 'o' Ü\" (\"Id Kéy\", \"it's\", \"vàl\"\"ue\", \"Ünï\")")
                .contains("TRUNCATE ONLY \"My Schéma \"\"Q\"\" 'x'\".\"UPPER lower\" CASCADE;");
            Path dir = serverDir("quoted names");
            Path file = dir.resolve("re'play ü.sql");
            db.execute("SELECT emaj.emaj_gen_sql_groups(" + array(G) + ", " + lit(M1) + ", " + lit(M2) + ", " + lit(file.toString())
                + ", " + array(S + "." + T1, S + "." + T2, S + "." + SEQ) + ")");
            String fromFile = read(file);
            assertThat(fromFile.lines().skip(3).findFirst()).hasValueSatisfying(l -> assertThat(l)
                .startsWith("--   for the tables and sequences: ").contains(S + "." + SEQ, S + "." + T1, S + "." + T2));
            assertThat(fromFile.lines().skip(4).toList()).isEqualTo(script.lines().skip(4).toList());
            execute(copy, read(file));
            assertThat(snapshot(copy, S)).isEqualTo(atM2);

            // change dumps
            Path dumpDir = serverDir("quoted dump");
            db.execute("SELECT emaj.emaj_dump_changes_group(" + lit(G) + ", " + lit(M1) + ", " + lit(M2)
                + ", 'CONSOLIDATION=FULL, COPY_OPTIONS=(FORMAT csv, HEADER)', NULL, " + lit(dumpDir.toString()) + ")");
            assertThat(fileNames(dumpDir)).containsExactlyInAnyOrder("_INFO", S + "_" + SEQ + ".changes", S + "_" + T1 + ".changes",
                S + "_" + T2 + ".changes");
            assertThat(read(dumpDir.resolve(S + "_" + T1 + ".changes")).lines().toList()).containsExactly(
                "Id Kéy,it's,emaj_tuple,emaj_gid,\"vàl\"\"ue\",Ünï",
                "1,a'b,OLD," + gid("1, 'a''b'", "OLD", true) + ",\"x\"\"y\",1.5",
                "1,a'b,NEW," + gid("1, 'a''b'", "NEW", false) + ",changed ü,1.5",
                "2,a'changed,NEW," + gid("2, 'a''changed'", "NEW", false) + ",,",
                "2,é,OLD," + gid("2, 'é'", "OLD", true) + ",,",
                "4,four,NEW," + gid("4, 'four'", "NEW", false) + ",ü,4");
            assertThat(read(dumpDir.resolve("_INFO"))).contains("table " + T1Q + ", from mark \"M 'one' \"\"1\"\"\" to mark \"M2 ü\"");

            // generated SELECT statements run
            db.execute("SELECT emaj.emaj_gen_sql_dump_changes_group(" + lit(G) + ", " + lit(M1) + ", NULL, 'SQL_FORMAT=PRETTY', NULL)");
            List<String> tblseqs = db.queryForList("SELECT DISTINCT sql_tblseq FROM emaj_temp_sql WHERE sql_stmt_number > 0 ORDER BY 1");
            assertThat(tblseqs).containsExactlyInAnyOrder(T1, T2, SEQ);
            for (String n : db.queryForList("SELECT DISTINCT sql_stmt_number FROM emaj_temp_sql WHERE sql_stmt_number > 0 ORDER BY 1")) {
                String stmt = String.join("\n", db.queryForList("SELECT sql_text FROM emaj_temp_sql WHERE sql_stmt_number = " + n
                    + " ORDER BY sql_line_number"));
                assertThat(db.queryForRows(stmt)).isNotEmpty();
            }

            // snapshot
            Path snapDir = serverDir("quoted snap");
            assertThat(db.queryForString("SELECT emaj.emaj_snap_group(" + lit(G) + ", " + lit(snapDir.toString()) + ", 'CSV')")).isEqualTo("3");
            assertThat(fileNames(snapDir)).containsExactlyInAnyOrder("_INFO", S + "_" + SEQ + ".snap", S + "_" + T1 + ".snap", S + "_" + T2 + ".snap");
            assertThat(read(snapDir.resolve(S + "_" + T2 + ".snap"))).isEqualTo("9,nine\n");
        } finally {
            dropCopy(copy);
        }
    }

    /** The emaj_gid of a log row of T1 for a key (the first or last one of the range). */
    private static String gid(String key, String tuple, boolean first) {
        return db.queryForString("SELECT " + (first ? "min" : "max") + "(emaj_gid) FROM " + q("emaj_" + S) + "." + q(T1 + "_log")
            + " WHERE (" + q("Id Kéy") + ", " + q("it's") + ") = (" + key + ") AND emaj_tuple = '" + tuple + "'");
    }

    @Test
    void configurationExportAndImport() {
        String export = db.queryForString("SELECT emaj.emaj_export_groups_configuration(" + array(G) + ")");
        assertThat(export).contains("\"group\": \"Grp \\\"ü\\\" 'x' Z\"")
            .contains("{\"schema\": \"My Schéma \\\"Q\\\" 'x'\", \"table\": \"Tâble \\\"T\\\" 'o' Ü\"}")
            .contains("{\"schema\": \"My Schéma \\\"Q\\\" 'x'\", \"sequence\": \"Séq \\\"1\\\" 'z'\"}");
        Path file = serverDir("quoted conf").resolve("cönf 'g'.json");
        db.execute("SELECT emaj.emaj_export_groups_configuration(" + lit(file.toString()) + ", " + array(G) + ")");
        String modified = export.replace("\"is_rollbackable\": true", "\"is_rollbackable\": true, \"comment\": \"ü 'c' \\\"d\\\"\"")
            .replace("{\"schema\": \"My Schéma \\\"Q\\\" 'x'\", \"table\": \"UPPER lower\"}",
                "{\"schema\": \"My Schéma \\\"Q\\\" 'x'\", \"table\": \"UPPER lower\", \"priority\": 7}");
        db.execute("SELECT emaj.emaj_import_groups_configuration(" + lit(modified) + "::json, NULL, true, " + lit("IMP 'ü'") + ")");
        assertThat(db.queryForString("SELECT group_comment FROM emaj.emaj_group WHERE group_name = " + lit(G))).isEqualTo("ü 'c' \"d\"");
        assertThat(db.queryForString("SELECT rel_priority FROM emaj.emaj_relation WHERE rel_schema = " + lit(S) + " AND rel_tblseq = "
            + lit(T2) + " AND upper_inf(rel_time_range)")).isEqualTo("7");
        assertThat(db.queryForString("SELECT emaj.emaj_does_exist_mark_group(" + lit(G) + ", " + lit("IMP 'ü'") + ")")).isEqualTo("t");
        db.execute("SELECT emaj.emaj_stop_group(" + lit(G) + "); SELECT emaj.emaj_drop_group(" + lit(G) + ");"
            + "SELECT emaj.emaj_import_groups_configuration(" + lit(file.toString()) + ");");
        assertThat(db.queryForString("SELECT emaj.emaj_export_groups_configuration(" + array(G) + ")")
            .replaceAll("\"_comment\": \"[^\"]*\"", "")).isEqualTo(export.replaceAll("\"_comment\": \"[^\"]*\"", ""));
    }
}
