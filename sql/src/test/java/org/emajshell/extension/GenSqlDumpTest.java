package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.ChangesSupport.error;
import static org.emajshell.extension.ChangesSupport.read;
import static org.emajshell.extension.ChangesSupport.serverDir;

/** emaj_gen_sql_dump_changes_group (both signatures): the SQL statements that show the changes. */
class GenSqlDumpTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @BeforeAll
    static void scenario() {
        db.execute(DumpChangesTest.SCENARIO);
    }

    private static String gen(String options, String tblseqs) {
        return db.queryForString("SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', "
            + (options == null ? "NULL" : "'" + options.replace("'", "''") + "'") + ", " + tblseqs + ")");
    }

    /** The text of one generated statement (its lines joined). */
    private static String statement(int number) {
        return String.join("\n", db.queryForList("SELECT sql_text FROM emaj_temp_sql WHERE sql_stmt_number = " + number
            + " ORDER BY sql_line_number"));
    }

    @Test
    void theStatementsGoIntoTheTemporaryTableEmajTempSql() {
        assertThat(gen("CONSOLIDATION=FULL, EMAJ_COLUMNS=(emaj_tuple)", null))
            .isEqualTo("4 statements have been generated in the emaj_temp_sql temporary table");
        assertThat(db.queryForRows("SELECT column_name, data_type FROM information_schema.columns"
            + " WHERE table_name = 'emaj_temp_sql' AND table_schema LIKE 'pg_temp%' ORDER BY ordinal_position"))
            .containsExactly(List.of("sql_stmt_number", "integer"), List.of("sql_line_number", "integer"),
                List.of("sql_rel_kind", "text"), List.of("sql_schema", "text"), List.of("sql_tblseq", "text"),
                List.of("sql_first_mark", "text"), List.of("sql_last_mark", "text"), List.of("sql_group", "text"),
                List.of("sql_nb_changes", "bigint"), List.of("sql_file_name_suffix", "text"), List.of("sql_text", "text"),
                List.of("sql_result", "bigint"));
        assertThat(db.queryForRows("SELECT sql_stmt_number, sql_line_number, sql_rel_kind, sql_schema, sql_tblseq, sql_first_mark,"
            + " sql_last_mark, sql_group, sql_nb_changes, sql_file_name_suffix, sql_result FROM emaj_temp_sql"
            + " WHERE sql_stmt_number > 0 ORDER BY 1, 2"))
            .containsExactly(
                java.util.Arrays.asList("1", "1", "r", "dmp", "acc", "M1", "M2", "gd", "10", "dmp_acc.changes", null),
                java.util.Arrays.asList("2", "1", "r", "dmp", "quiet", "M1", "M2", "gd", "0", "dmp_quiet.changes", null),
                java.util.Arrays.asList("3", "1", "S", "dmp", "s", "M1", "M2", "gd", null, "dmp_s.changes", null),
                java.util.Arrays.asList("4", "1", "S", "dmp", "still", "M1", "M2", "gd", null, "dmp_still.changes", null));
        assertThat(db.queryForList("SELECT sql_text FROM emaj_temp_sql WHERE sql_stmt_number = 0 ORDER BY sql_line_number"))
            .hasSize(3).allMatch(l -> l.startsWith("--"));
        // the statements run and show the same rows as the dump
        assertThat(db.queryForRows(statement(1))).containsExactly(
            List.of("1", "OLD", "l1", "one"), List.of("1", "NEW", "l1", "c"), List.of("3", "OLD", "l3", "three"),
            List.of("11", "NEW", "l11", "ELEVEN"));
        assertThat(db.queryForRows(statement(2))).isEmpty();
        assertThat(db.queryForRows(statement(3))).extracting(r -> r.subList(0, 3))
            .containsExactly(List.of("OLD", "1", "f"), List.of("NEW", "1", "t"));
        assertThat(db.queryForRows(statement(4))).isEmpty();
    }

    @Test
    void rawAndPrettyFormats() {
        gen("CONSOLIDATION=PARTIAL", "ARRAY['dmp.acc']");
        assertThat(db.queryForString("SELECT count(*) FROM emaj_temp_sql WHERE sql_stmt_number = 1")).isEqualTo("1");
        String raw = statement(1);
        assertThat(raw).doesNotContain("\n").endsWith(";");
        List<List<String>> rows = db.queryForRows(raw);
        assertThat(rows).hasSize(9);
        gen("CONSOLIDATION=PARTIAL, SQL_FORMAT=PRETTY", "ARRAY['dmp.acc']");
        assertThat(Integer.parseInt(db.queryForString("SELECT count(*) FROM emaj_temp_sql WHERE sql_stmt_number = 1"))).isGreaterThan(3);
        String pretty = statement(1);
        assertThat(pretty).startsWith("WITH emaj_rows AS").endsWith(";");
        assertThat(db.queryForRows(pretty)).isEqualTo(rows);
    }

    @Test
    void psqlCopyMetaCommands() {
        gen("TABLES_ONLY, PSQL_COPY_DIR=(/data/dump/), PSQL_COPY_OPTIONS=(FORMAT csv, HEADER)", null);
        List<String> lines = db.queryForList("SELECT sql_text FROM emaj_temp_sql WHERE sql_stmt_number > 0 ORDER BY sql_stmt_number, sql_line_number");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("\\copy (SELECT label, id, v, emaj_verb, emaj_tuple, emaj_gid, emaj_changed, emaj_txid, emaj_user FROM emaj_dmp.acc_log WHERE ")
            .endsWith(") TO '/data/dump/dmp_acc.changes' WITH (FORMAT csv, HEADER)");
        assertThat(lines.get(1)).endsWith(") TO '/data/dump/dmp_quiet.changes' WITH (FORMAT csv, HEADER)");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', 'PSQL_COPY_OPTIONS=(FORMAT csv)', NULL)"))
            .contains("The PSQL_COPY_OPTIONS option needs the PSQL_COPY_DIR option.");
    }

    @Test
    void dumpOnlyOptionsAreRefused() {
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', 'COPY_OPTIONS=(FORMAT csv)', NULL)"))
            .contains("emaj_gen_sql_dump_changes_group: The option \"COPY_OPTIONS\" is unknown or not allowed for this function.");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', 'NO_EMPTY_FILES', NULL)"))
            .contains("The option \"NO_EMPTY_FILES\" is unknown or not allowed for this function.");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', 'SQL_FORMAT=UGLY', NULL)"))
            .contains("The value \"UGLY\" of the SQL_FORMAT option is not RAW or PRETTY.");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', 'SEQUENCES_ONLY', ARRAY['dmp.nope'])"))
            .contains("Some tables and/or sequences (dmp.nope) do not belong to the table groups between the requested marks.");
    }

    @Test
    void intoAServerFile() {
        Path file = serverDir("gensqldump").resolve("show changes.sql");
        assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', 'SQL_FORMAT=PRETTY, SEQUENCES_ONLY', NULL, '"
            + file + "')")).isEqualTo("2 statements have been written into the file " + file);
        String text = read(file);
        assertThat(text).startsWith("-- SQL statements generated by E-Maj").contains("\nSELECT * FROM (VALUES ('OLD', 1::bigint, false,")
            .endsWith("ORDER BY emaj_tuple DESC;\n");
        assertThat(db.queryForString("SELECT count(*) FROM pg_class WHERE relname = 'emaj_temp_sql' AND relnamespace = pg_my_temp_schema()"))
            .isEqualTo("0");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', NULL, NULL, NULL)"))
            .contains("The script location cannot be NULL or empty.");
    }

    @Test
    void aViewerMayGenerateAndRunTheStatementsButNotWriteFiles() {
        db.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chg_viewer') THEN"
            + "  CREATE ROLE chg_viewer; END IF; END $$;"
            + "GRANT emaj_viewer TO chg_viewer; REVOKE pg_write_server_files FROM chg_viewer;");
        Path file = serverDir("gensqldumpviewer").resolve("v.sql");
        db.execute("SET SESSION AUTHORIZATION chg_viewer");
        try {
            gen("CONSOLIDATION=FULL, EMAJ_COLUMNS=(emaj_tuple)", "ARRAY['dmp.acc']");
            assertThat(db.queryForRows(statement(1))).hasSize(4);
            assertThat(error(db, "SELECT emaj.emaj_gen_sql_dump_changes_group('gd', 'M1', 'M2', NULL, NULL, '" + file + "')"))
                .containsAnyOf("Writing into an external file is not allowed on this emaj instance",
                    "permission denied for function emaj_gen_sql_dump_changes_group");
            assertThat(error(db, "SELECT emaj.emaj_dump_changes_group('gd', 'M1', 'M2', NULL, NULL, '/tmp')"))
                .contains("permission denied for function emaj_dump_changes_group");
        } finally {
            db.execute("RESET SESSION AUTHORIZATION");
        }
    }
}
