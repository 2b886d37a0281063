package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.ChangesSupport.error;
import static org.emajshell.extension.ChangesSupport.fileNames;
import static org.emajshell.extension.ChangesSupport.read;
import static org.emajshell.extension.ChangesSupport.serverDir;

/** emaj_dump_changes_group and its options. */
class DumpChangesTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    /**
     * Key 1 updated three times, key 2 updated then back to its first value, key 10 inserted then
     * deleted, key 3 deleted (first), key 11 inserted then updated; sequence s used, sequence
     * "still" and table quiet untouched.
     */
    static final String SCENARIO = "CREATE SCHEMA dmp;"
            + "CREATE TABLE dmp.acc (label text, id int PRIMARY KEY, v text);"
            + "CREATE TABLE dmp.quiet (id int PRIMARY KEY);"
            + "CREATE SEQUENCE dmp.s; CREATE SEQUENCE dmp.still;"
            + "INSERT INTO dmp.acc VALUES ('l1', 1, 'one'), ('l2', 2, 'two'), ('l3', 3, 'three');"
            + "SELECT emaj.emaj_create_group('gd');"
            + "SELECT emaj.emaj_assign_tables('dmp', '.*', NULL, 'gd');"
            + "SELECT emaj.emaj_assign_sequences('dmp', '.*', NULL, 'gd');"
            + "SELECT emaj.emaj_start_group('gd', 'M1');"
            + "DELETE FROM dmp.acc WHERE id = 3;"
            + "UPDATE dmp.acc SET v = 'a' WHERE id = 1; UPDATE dmp.acc SET v = 'b' WHERE id = 1; UPDATE dmp.acc SET v = 'c' WHERE id = 1;"
            + "UPDATE dmp.acc SET v = 'x' WHERE id = 2; UPDATE dmp.acc SET v = 'two' WHERE id = 2;"
            + "INSERT INTO dmp.acc VALUES ('l10', 10, 'ten'); DELETE FROM dmp.acc WHERE id = 10;"
            + "INSERT INTO dmp.acc VALUES ('l11', 11, 'eleven'); UPDATE dmp.acc SET v = 'ELEVEN' WHERE id = 11;"
            + "SELECT nextval('dmp.s');"
            + "SELECT emaj.emaj_set_mark_group('gd', 'M2');"
            + "INSERT INTO dmp.acc VALUES ('l12', 12, 'after M2');";

    @BeforeAll
    static void scenario() {
        db.execute(SCENARIO);
    }

    private static Path dump(String options) {
        return dump("'M2'", options, "NULL");
    }

    private static Path dump(String lastMark, String options, String tblseqs) {
        Path dir = serverDir("dump");
        String message = db.queryForString("SELECT emaj.emaj_dump_changes_group('gd', 'M1', " + lastMark + ", "
            + (options == null ? "NULL" : "'" + options.replace("'", "''") + "'") + ", " + tblseqs + ", '" + dir + "')");
        assertThat(message).matches("\\d+ files generated in directory " + dir);
        return dir;
    }

    @Test
    void withoutConsolidationEveryLogRowInTimeOrder() {
        Path dir = dump("EMAJ_COLUMNS=(emaj_verb, emaj_tuple), COPY_OPTIONS=(FORMAT csv)");
        assertThat(fileNames(dir)).containsExactly("_INFO", "dmp_acc.changes", "dmp_quiet.changes", "dmp_s.changes", "dmp_still.changes");
        assertThat(read(dir.resolve("dmp_acc.changes"))).isEqualTo("""
            l3,3,three,DEL,OLD
            l1,1,one,UPD,OLD
            l1,1,a,UPD,NEW
            l1,1,a,UPD,OLD
            l1,1,b,UPD,NEW
            l1,1,b,UPD,OLD
            l1,1,c,UPD,NEW
            l2,2,two,UPD,OLD
            l2,2,x,UPD,NEW
            l2,2,x,UPD,OLD
            l2,2,two,UPD,NEW
            l10,10,ten,INS,NEW
            l10,10,ten,DEL,OLD
            l11,11,eleven,INS,NEW
            l11,11,eleven,UPD,OLD
            l11,11,ELEVEN,UPD,NEW
            """);
        assertThat(read(dir.resolve("dmp_quiet.changes"))).isEmpty();
        assertThat(read(dir.resolve("dmp_s.changes"))).isEqualTo("""
            OLD,1,f,1,1,1,9223372036854775807,1,f
            NEW,1,t,1,1,1,9223372036854775807,1,f
            """);
        assertThat(read(dir.resolve("dmp_still.changes")).lines()).hasSize(2);
    }

    @Test
    void theDefaultShowsAllColumnsInLogTableOrder() {
        Path dir = dump(null);
        List<String> lines = read(dir.resolve("dmp_acc.changes")).lines().toList();
        assertThat(lines).hasSize(16);
        // label, id, v, emaj_verb, emaj_tuple, emaj_gid, emaj_changed, emaj_txid, emaj_user (text format)
        assertThat(lines.get(0).split("\t")).hasSize(9).startsWith("l3", "3", "three", "DEL", "OLD");
        assertThat(lines.get(0).split("\t")[8]).isEqualTo("postgres");
    }

    @Test
    void partialConsolidationGivesTheFirstOldAndTheLastNewImageOfEachKey() {
        Path dir = dump("CONSOLIDATION=PARTIAL, EMAJ_COLUMNS=(emaj_tuple), COPY_OPTIONS=(FORMAT csv)");
        assertThat(read(dir.resolve("dmp_acc.changes"))).isEqualTo("""
            1,OLD,l1,one
            1,NEW,l1,c
            2,OLD,l2,two
            2,NEW,l2,two
            3,OLD,l3,three
            10,OLD,l10,ten
            10,NEW,l10,ten
            11,OLD,l11,eleven
            11,NEW,l11,ELEVEN
            """);
    }

    @Test
    void fullConsolidationGivesTheNetChangeOfEachKey() {
        Path dir = dump("CONSOLIDATION=FULL, EMAJ_COLUMNS=(emaj_tuple), COPY_OPTIONS=(FORMAT csv)");
        // key 2 (back to its first value) and key 10 (inserted then deleted) are left out
        assertThat(read(dir.resolve("dmp_acc.changes"))).isEqualTo("""
            1,OLD,l1,one
            1,NEW,l1,c
            3,OLD,l3,three
            11,NEW,l11,ELEVEN
            """);
        assertThat(read(dir.resolve("dmp_s.changes")).lines()).hasSize(2);
        assertThat(read(dir.resolve("dmp_still.changes"))).isEmpty();
        assertThat(read(dir.resolve("dmp_quiet.changes"))).isEmpty();
    }

    @Test
    void minimalColumnsDependOnTheConsolidation() {
        Path none = dump("EMAJ_COLUMNS=MIN, COPY_OPTIONS=(FORMAT csv, HEADER)");
        assertThat(read(none.resolve("dmp_acc.changes")).lines().findFirst()).hasValue("label,id,v,emaj_verb,emaj_tuple,emaj_gid");
        Path full = dump("CONSOLIDATION=FULL, COPY_OPTIONS=(FORMAT csv, HEADER)");
        assertThat(read(full.resolve("dmp_acc.changes")).lines().findFirst()).hasValue("id,emaj_tuple,emaj_gid,label,v");
        Path all = dump("CONSOLIDATION=FULL, EMAJ_COLUMNS=ALL, COPY_OPTIONS=(FORMAT csv, HEADER)");
        assertThat(read(all.resolve("dmp_acc.changes")).lines().findFirst())
            .hasValue("id,emaj_verb,emaj_tuple,emaj_gid,emaj_changed,emaj_txid,emaj_user,label,v");
        assertThat(read(all.resolve("dmp_s.changes")).lines().findFirst())
            .hasValue("emaj_tuple,last_value,is_called,start_value,increment_by,min_value,max_value,cache_size,is_cycled");
    }

    @Test
    void columnsAndRowsOrders() {
        Path dir = dump("CONSOLIDATION=FULL, COLS_ORDER=LOG_TABLE, ORDER_BY=TIME, EMAJ_COLUMNS=(emaj_tuple), COPY_OPTIONS=(FORMAT csv)");
        assertThat(read(dir.resolve("dmp_acc.changes"))).isEqualTo("""
            l3,3,three,OLD
            l1,1,one,OLD
            l1,1,c,NEW
            l11,11,ELEVEN,NEW
            """);
        Path none = dump("ORDER_BY=PK, COLS_ORDER=PK, EMAJ_COLUMNS=(emaj_tuple), COPY_OPTIONS=(FORMAT csv)");
        assertThat(read(none.resolve("dmp_acc.changes")).lines().limit(3).toList())
            .containsExactly("1,OLD,l1,one", "1,NEW,l1,a", "1,OLD,l1,a");
    }

    @Test
    void tablesOrSequencesOnlyAndNoEmptyFiles() {
        assertThat(fileNames(dump("TABLES_ONLY"))).containsExactly("_INFO", "dmp_acc.changes", "dmp_quiet.changes");
        assertThat(fileNames(dump("SEQUENCES_ONLY"))).containsExactly("_INFO", "dmp_s.changes", "dmp_still.changes");
        assertThat(fileNames(dump("CONSOLIDATION=FULL, NO_EMPTY_FILES"))).containsExactly("_INFO", "dmp_acc.changes", "dmp_s.changes");
        assertThat(fileNames(dump("'M2'", "", "ARRAY['dmp.s', 'dmp.quiet']"))).containsExactly("_INFO", "dmp_quiet.changes", "dmp_s.changes");
    }

    @Test
    void theInfoFileDescribesTheDump() {
        Path dir = dump("CONSOLIDATION=FULL, NO_EMPTY_FILES");
        List<String> info = read(dir.resolve("_INFO")).lines().toList();
        assertThat(info.get(0)).isEqualTo("E-Maj changes dump of the table group gd");
        assertThat(info).contains("Options: COLS_ORDER=PK, CONSOLIDATION=FULL, EMAJ_COLUMNS=MIN, NO_EMPTY_FILES, ORDER_BY=PK")
            .contains("dmp_acc.changes: table dmp.acc, from mark \"M1\" to mark \"M2\", 4 rows")
            .contains("dmp_s.changes: sequence dmp.s, from mark \"M1\" to mark \"M2\", 2 rows");
    }

    @Test
    void upToTheCurrentState() {
        Path dir = dump("NULL", "CONSOLIDATION=FULL, EMAJ_COLUMNS=(emaj_tuple), COPY_OPTIONS=(FORMAT csv)", "NULL");
        assertThat(read(dir.resolve("dmp_acc.changes"))).endsWith("11,NEW,l11,ELEVEN\n12,NEW,l12,after M2\n");
        assertThat(read(dir.resolve("_INFO"))).contains("from mark \"M1\" to the current state");
    }

    @Test
    void badOptionsAreRefused() {
        Path dir = serverDir("dumpbad");
        String call = "SELECT emaj.emaj_dump_changes_group('gd', 'M1', 'M2', %s, NULL, '" + dir + "')";
        assertThat(error(db, call.formatted("'CONSOLIDATION=SOME'")))
            .contains("emaj_dump_changes_group: The value \"SOME\" of the CONSOLIDATION option is not NONE, PARTIAL or FULL.");
        assertThat(error(db, call.formatted("'FOO'")))
            .contains("emaj_dump_changes_group: The option \"FOO\" is unknown or not allowed for this function.");
        assertThat(error(db, call.formatted("'SQL_FORMAT=RAW'")))
            .contains("The option \"SQL_FORMAT\" is unknown or not allowed for this function.");
        assertThat(error(db, call.formatted("'TABLES_ONLY, SEQUENCES_ONLY'")))
            .contains("The TABLES_ONLY and SEQUENCES_ONLY options are mutually exclusive.");
        assertThat(error(db, call.formatted("'COPY_OPTIONS=(FORMAT csv); DROP TABLE dmp.acc'")))
            .contains("The COPY_OPTIONS option \"(FORMAT csv); DROP TABLE dmp.acc\" contains an invalid character.");
        assertThat(error(db, call.formatted("'COPY_OPTIONS=(DELIMITER E''\\'';''), NO_EMPTY_FILES'")))
            .contains("has unbalanced parentheses or quotes");
        assertThat(error(db, call.formatted("'COPY_OPTIONS=(DELIMITER E''|'')'")))
            .contains("The COPY_OPTIONS option \"DELIMITER E'|'\" contains a prefixed string, which is not supported.");
        assertThat(error(db, call.formatted("'EMAJ_COLUMNS=(emaj_tuple, label)'")))
            .contains("The EMAJ_COLUMNS option contains columns (label) that are not technical columns of the log table emaj_dmp.acc_log.");
        assertThat(error(db, call.formatted("'ORDER_BY=(PK'"))).contains("has unbalanced parentheses or quotes");
        assertThat(error(db, "SELECT emaj.emaj_dump_changes_group('gd', 'M1', 'M2', NULL, NULL, '/tmp/no/such/dir')"))
            .contains("emaj_dump_changes_group: The directory \"/tmp/no/such/dir\" does not exist.");
    }

    @Test
    void copyOptionsMayHoldQuotedSpecialCharacters() {
        Path dir = dump("CONSOLIDATION=FULL, EMAJ_COLUMNS=(emaj_tuple), COPY_OPTIONS=(FORMAT csv, DELIMITER ';', NULL '<null>')");
        assertThat(read(dir.resolve("dmp_acc.changes")).lines().findFirst()).hasValue("1;OLD;l1;one");
    }

    @Test
    void consolidationNeedsAPrimaryKey() {
        db.execute("CREATE SCHEMA dnopk; CREATE TABLE dnopk.t (v text);"
            + "SELECT emaj.emaj_create_group('gnopk', false); SELECT emaj.emaj_assign_table('dnopk', 't', 'gnopk');"
            + "SELECT emaj.emaj_start_group('gnopk', 'N1'); INSERT INTO dnopk.t VALUES ('a'), ('a');");
        Path dir = serverDir("dumpnopk");
        assertThat(error(db, "SELECT emaj.emaj_dump_changes_group('gnopk', 'N1', NULL, 'CONSOLIDATION=PARTIAL', NULL, '" + dir + "')"))
            .contains("The table dnopk.t has no PRIMARY KEY. Its changes cannot be consolidated.");
        db.execute("SELECT emaj.emaj_dump_changes_group('gnopk', 'N1', NULL, 'ORDER_BY=PK, COPY_OPTIONS=(FORMAT csv)', NULL, '" + dir + "')");
        assertThat(read(dir.resolve("dnopk_t.changes")).lines()).hasSize(2);
    }

    @Test
    void dumpingNeedsTheRightToWriteServerFiles() {
        db.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chg_dump_adm') THEN"
            + "  CREATE ROLE chg_dump_adm; END IF; END $$;"
            + "GRANT emaj_adm TO chg_dump_adm; REVOKE pg_write_server_files FROM chg_dump_adm;");
        Path dir = serverDir("dumprights");
        db.execute("SET SESSION AUTHORIZATION chg_dump_adm");
        try {
            assertThat(error(db, "SELECT emaj.emaj_dump_changes_group('gd', 'M1', 'M2', NULL, NULL, '" + dir + "')"))
                .contains("_check_can_copy_to: Writing into an external file is not allowed on this emaj instance");
        } finally {
            db.execute("RESET SESSION AUTHORIZATION");
        }
        assertThat(fileNames(dir)).isEmpty();
    }
}
