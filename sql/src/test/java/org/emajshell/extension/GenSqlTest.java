package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.ChangesSupport.copyContent;
import static org.emajshell.extension.ChangesSupport.dropCopy;
import static org.emajshell.extension.ChangesSupport.error;
import static org.emajshell.extension.ChangesSupport.execute;
import static org.emajshell.extension.ChangesSupport.newPlainDatabase;
import static org.emajshell.extension.ChangesSupport.read;
import static org.emajshell.extension.ChangesSupport.script;
import static org.emajshell.extension.ChangesSupport.serverDir;
import static org.emajshell.extension.ChangesSupport.snapshot;
import static org.emajshell.extension.ChangesSupport.warnings;

/** emaj_gen_sql_group(s): replay scripts, checked by replaying them on a copy taken at the first mark. */
class GenSqlTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    /** Tables with many column types, an identity and a generated column, a composite key and an FK. */
    private static String ddl(String s) {
        return "CREATE SCHEMA " + s + ";"
            + "CREATE TABLE " + s + ".customer (id int PRIMARY KEY, name text NOT NULL, city varchar(30), born date,"
            + "  balance numeric(12,2), tags text[], doc jsonb, js json, raw bytea, seen timestamptz, ratio double precision,"
            + "  flag boolean, span interval, pt point);"
            + "CREATE TABLE " + s + ".orders (ord_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + "  cust_id int REFERENCES " + s + ".customer (id) ON DELETE CASCADE, amount numeric,"
            + "  total numeric GENERATED ALWAYS AS (amount * 2) STORED);"
            + "CREATE TABLE " + s + ".pair (a int, b text, v text, PRIMARY KEY (a, b));"
            + "CREATE TABLE " + s + ".untouched (id int PRIMARY KEY, v text);"
            + "CREATE SEQUENCE " + s + ".invoice_seq;";
    }

    private static void createGroup(String s, String group) {
        db.execute(ddl(s));
        db.execute("INSERT INTO " + s + ".customer (id, name, city) VALUES (1, 'Alice', 'Paris'), (2, 'Bob', 'Lyon'), (3, 'Carol', 'Nice');"
            + "INSERT INTO " + s + ".orders (cust_id, amount) VALUES (1, 10), (2, 20);"
            + "INSERT INTO " + s + ".pair VALUES (1, 'x', 'one'), (2, 'y', 'two');"
            + "INSERT INTO " + s + ".untouched VALUES (1, 'u');"
            + "SELECT nextval('" + s + ".invoice_seq');"
            + "SELECT emaj.emaj_create_group('" + group + "');"
            + "SELECT emaj.emaj_assign_tables('" + s + "', '.*', NULL, '" + group + "');"
            + "SELECT emaj.emaj_assign_sequences('" + s + "', '.*', NULL, '" + group + "');"
            + "SELECT emaj.emaj_start_group('" + group + "', 'M1');");
    }

    /** Every kind of change: inserts, repeated updates, key updates, deletes, cascades, truncates, sequences. */
    private static void firstChanges(String s) {
        db.execute("INSERT INTO " + s + ".customer VALUES (4, E'Dan\\nthe \\\\ \"second\" l''ami\\ttab', 'Zürich', '2001-02-03',"
            + "  1234.50, ARRAY['a', 'b,c', NULL], '{\"k\": [1, 2, {\"x\": null}]}', '{\"multi\":\n \"line\"}', '\\x00ff10',"
            + "  '2020-05-06 07:08:09.123456+02', 0.1, true, '1 day 02:03:04', '(1.5,2)'),"
            + "  (5, 'Eve', NULL, 'infinity', NULL, '{}', NULL, NULL, NULL, '-infinity', 'NaN', false, NULL, NULL);"
            + "UPDATE " + s + ".customer SET city = 'Marseille' WHERE id = 1;"
            + "UPDATE " + s + ".customer SET city = 'Toulon', balance = 5 WHERE id = 1;"
            + "UPDATE " + s + ".customer SET ratio = 1e-300, span = '-3 years' WHERE id IN (4, 5);"
            + "UPDATE " + s + ".customer SET name = name WHERE id = 3;"
            + "INSERT INTO " + s + ".orders (cust_id, amount) VALUES (4, 40), (4, 41), (5, 50);"
            + "UPDATE " + s + ".orders SET amount = amount + 1;"
            + "DELETE FROM " + s + ".customer WHERE id = 2;"
            + "INSERT INTO " + s + ".customer (id, name) VALUES (6, 'Temp');"
            + "DELETE FROM " + s + ".customer WHERE id = 6;"
            + "UPDATE " + s + ".pair SET a = a + 10, b = b || '!' WHERE a = 1;"
            + "TRUNCATE " + s + ".pair;"
            + "INSERT INTO " + s + ".pair VALUES (3, 'z', 'three'), (11, 'x!', 'again');"
            + "SELECT nextval('" + s + ".invoice_seq') FROM generate_series(1, 5);"
            + "ALTER SEQUENCE " + s + ".invoice_seq INCREMENT BY 5 MAXVALUE 1000000;");
    }

    private static void secondChanges(String s) {
        db.execute("UPDATE " + s + ".customer SET doc = '{\"after\": \"M2\"}', raw = NULL WHERE id = 4;"
            + "DELETE FROM " + s + ".orders WHERE amount > 45;"
            + "INSERT INTO " + s + ".pair VALUES (20, E'\\\\', E'it''s\\r\\n');"
            + "DELETE FROM " + s + ".pair WHERE a = 3;"
            + "SELECT nextval('" + s + ".invoice_seq');");
    }

    @Test
    void replayingTheScriptsOnACopyTakenAtTheFirstMarkGivesTheStateAtTheLastMark() throws Exception {
        createGroup("rpl", "g_rpl");
        Connection copy = newPlainDatabase("replay");
        try {
            execute(copy, ddl("rpl"));
            copyContent(db.connection(), copy, "rpl");
            assertThat(snapshot(copy, "rpl")).isEqualTo(snapshot(db, "rpl"));
            firstChanges("rpl");
            db.execute("SELECT emaj.emaj_set_mark_group('g_rpl', 'M2')");
            Map<String, String> atM2 = snapshot(db, "rpl");
            secondChanges("rpl");
            Map<String, String> now = snapshot(db, "rpl");
            assertThat(now).isNotEqualTo(atM2);

            // M1 -> M2, through the temporary table
            String nb = db.queryForString("SELECT emaj.emaj_gen_sql_group('g_rpl', 'M1', 'M2', NULL)");
            String script = script(db);
            assertThat(script).startsWith("-- ").contains("\nBEGIN TRANSACTION;\n").endsWith("\nCOMMIT;\n");
            assertThat(script.lines().filter(l -> l.matches("(INSERT|UPDATE|DELETE|TRUNCATE|ALTER SEQUENCE|SELECT) .*")).count())
                .isEqualTo(Long.parseLong(nb));
            assertThat(script).contains("TRUNCATE ONLY rpl.pair CASCADE;").contains("OVERRIDING SYSTEM VALUE")
                .doesNotContain("total").doesNotContain("'Temp'\n").contains("ALTER SEQUENCE rpl.invoice_seq");
            execute(copy, script);
            assertThat(snapshot(copy, "rpl")).isEqualTo(atM2);

            // M2 -> current state, through a server file
            Path dir = serverDir("gensql");
            Path file = dir.resolve("replay.sql");
            db.execute("SELECT emaj.emaj_gen_sql_group('g_rpl', 'M2', NULL, '" + file + "')");
            String fromFile = read(file);
            assertThat(fromFile).contains("to the current state").endsWith("COMMIT;\n");
            assertThat(db.queryForString("SELECT count(*) FROM pg_class WHERE relname = 'emaj_temp_script'"
                + " AND relnamespace = pg_my_temp_schema()")).isEqualTo("0");
            execute(copy, fromFile);
            assertThat(snapshot(copy, "rpl")).isEqualTo(now);
        } finally {
            dropCopy(copy);
        }
    }

    @Test
    void truncatesOfTablesLinkedByAForeignKeyAreReplayed() throws Exception {
        String ddl = "CREATE SCHEMA fk; CREATE TABLE fk.parent (id int PRIMARY KEY);"
            + "CREATE TABLE fk.child (id int PRIMARY KEY, pid int REFERENCES fk.parent);";
        db.execute(ddl + "INSERT INTO fk.parent VALUES (1), (2); INSERT INTO fk.child VALUES (10, 1), (20, 2);"
            + "SELECT emaj.emaj_create_group('g_fk'); SELECT emaj.emaj_assign_tables('fk', '.*', NULL, 'g_fk');"
            + "SELECT emaj.emaj_start_group('g_fk', 'F1');");
        Connection copy = newPlainDatabase("fk");
        try {
            execute(copy, ddl);
            copyContent(db.connection(), copy, "fk");
            db.execute("TRUNCATE fk.parent, fk.child; INSERT INTO fk.parent VALUES (3); INSERT INTO fk.child VALUES (30, 3);"
                + "TRUNCATE fk.child; INSERT INTO fk.child VALUES (31, 3); SELECT emaj.emaj_set_mark_group('g_fk', 'F2');");
            db.execute("SELECT emaj.emaj_gen_sql_group('g_fk', 'F1', 'F2', NULL)");
            String script = script(db);
            assertThat(script).contains("TRUNCATE ONLY fk.parent CASCADE;").contains("TRUNCATE ONLY fk.child CASCADE;");
            execute(copy, script);
            assertThat(snapshot(copy, "fk")).isEqualTo(snapshot(db, "fk"));
        } finally {
            dropCopy(copy);
        }
    }

    @Test
    void theScriptIsInOriginalOrderAndEveryStatementHoldsOnOneLine() {
        createGroup("ord", "g_ord");
        firstChanges("ord");
        db.execute("SELECT emaj.emaj_set_mark_group('g_ord', 'M2')");
        db.execute("SELECT emaj.emaj_gen_sql_group('g_ord', 'M1', 'M2', NULL)");
        assertThat(db.queryForRows("SELECT column_name, data_type FROM information_schema.columns"
            + " WHERE table_name = 'emaj_temp_script' AND table_schema LIKE 'pg_temp%' ORDER BY ordinal_position"))
            .containsExactly(List.of("scr_emaj_gid", "bigint"), List.of("scr_subid", "integer"),
                List.of("scr_emaj_txid", "bigint"), List.of("scr_sql", "text"));
        assertThat(db.queryForList("SELECT column_name FROM information_schema.columns"
            + " WHERE table_name = 'emaj_sql_script' AND table_schema LIKE 'pg_temp%'")).containsExactly("scr_sql");
        // row changes keep the emaj_gid of their log rows, in the same order
        assertThat(db.queryForString("SELECT count(*) FROM emaj_temp_script s JOIN emaj_ord.customer_log l"
            + " ON l.emaj_gid = s.scr_emaj_gid AND l.emaj_txid = s.scr_emaj_txid")).isNotEqualTo("0");
        List<String> lines = db.queryForList("SELECT scr_sql FROM emaj_sql_script");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r", "\t"));
        int update1 = lines.indexOf("UPDATE ONLY ord.customer SET city = 'Marseille' WHERE id = '1';");
        int update2 = lines.indexOf("UPDATE ONLY ord.customer SET city = 'Toulon', balance = '5.00' WHERE id = '1';");
        int delete = lines.indexOf("DELETE FROM ONLY ord.customer WHERE id = '2';");
        assertThat(update1).isPositive();
        assertThat(update2).isGreaterThan(update1);
        assertThat(delete).isGreaterThan(update2);
        // an update that changed nothing gives no statement; the sequence change comes last
        assertThat(lines).noneMatch(l -> l.contains("customer SET") && l.endsWith(" WHERE id = '3';"));
        int lastDml = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("(INSERT|UPDATE|DELETE|TRUNCATE) .*")) {
                lastDml = i;
            }
        }
        assertThat(lines.subList(lastDml + 1, lines.size()))
            .containsExactly("-- sequences",
                "ALTER SEQUENCE ord.invoice_seq INCREMENT BY 5 MAXVALUE 1000000 RESTART WITH 6;",
                "SELECT pg_catalog.setval('ord.invoice_seq', 6, true);",
                "ALTER SEQUENCE ord.orders_ord_id_seq RESTART WITH 5;",
                "SELECT pg_catalog.setval('ord.orders_ord_id_seq', 5, true);",
                "COMMIT;");
        assertThat(lines).contains("UPDATE ONLY ord.pair SET a = '11', b = 'x!' WHERE a = '1' AND b = 'x';");
    }

    @Test
    void tablesAndSequencesCanBeSelected() throws Exception {
        createGroup("sel", "g_sel");
        firstChanges("sel");
        assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_group('g_sel', 'M1', NULL, NULL, ARRAY['sel.pair'])")).isEqualTo("4");
        String script = script(db);
        assertThat(script).contains("sel.pair").doesNotContain("sel.customer").doesNotContain("invoice_seq");
        assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_group('g_sel', 'M1', NULL, NULL, ARRAY['sel.invoice_seq', 'sel.invoice_seq', NULL])"))
            .isEqualTo("2");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_group('g_sel', 'M1', NULL, NULL, ARRAY['sel.nope', 'sel.pair'])"))
            .contains("_gen_sql_groups: Some tables and/or sequences (sel.nope) do not belong to the table groups");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_group('g_sel', 'M1', NULL, NULL, ARRAY[]::text[])"))
            .contains("_gen_sql_groups: The tables and sequences list is empty.");
        // a copy at M1 with the selected table replayed
        Connection copy = newPlainDatabase("select");
        try {
            execute(copy, ddl("sel"));
            db.execute("SELECT emaj.emaj_gen_sql_group('g_sel', 'M1', NULL, NULL, ARRAY['sel.pair'])");
            String script2 = script(db);
            execute(copy, script2);
            assertThat(snapshot(copy, "sel").get("pair")).isEqualTo(snapshot(db, "sel").get("pair"));
        } finally {
            dropCopy(copy);
        }
    }

    @Test
    void severalGroupsAtOnce() throws Exception {
        db.execute("CREATE SCHEMA mg; CREATE TABLE mg.t1 (id int PRIMARY KEY, v text); CREATE TABLE mg.t2 (id int PRIMARY KEY, v text);"
            + "SELECT emaj.emaj_create_group('mg1'); SELECT emaj.emaj_create_group('mg2');"
            + "SELECT emaj.emaj_assign_table('mg', 't1', 'mg1'); SELECT emaj.emaj_assign_table('mg', 't2', 'mg2');"
            + "SELECT emaj.emaj_start_groups(ARRAY['mg1', 'mg2'], 'S');"
            + "INSERT INTO mg.t2 VALUES (1, 'b1'); INSERT INTO mg.t1 VALUES (1, 'a1'); UPDATE mg.t2 SET v = 'b2';"
            + "SELECT emaj.emaj_set_mark_groups(ARRAY['mg1', 'mg2'], 'E');");
        assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_groups(ARRAY['mg2', 'mg1', 'mg1'], 'S', 'E', NULL)")).isEqualTo("3");
        assertThat(db.queryForList("SELECT scr_sql FROM emaj_sql_script WHERE scr_sql LIKE 'INSERT%' OR scr_sql LIKE 'UPDATE%'"))
            .containsExactly("INSERT INTO mg.t2 (id, v) VALUES ('1', 'b1');", "INSERT INTO mg.t1 (id, v) VALUES ('1', 'a1');",
                "UPDATE ONLY mg.t2 SET v = 'b2' WHERE id = '1';");
        db.execute("SELECT emaj.emaj_set_mark_group('mg1', 'ONLY1')");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_groups(ARRAY['mg1', 'mg2'], 'S', 'ONLY1', NULL)"))
            .contains("The mark \"ONLY1\" does not exist for the group \"mg2\"");
    }

    @Test
    void checksOfGroupsMarksAndTables() {
        db.execute("CREATE SCHEMA chk; CREATE TABLE chk.nopk (v text); CREATE TABLE chk.t (id int PRIMARY KEY);"
            + "SELECT emaj.emaj_create_group('g_audit', false); SELECT emaj.emaj_assign_tables('chk', ARRAY['nopk', 't'], 'g_audit');"
            + "SELECT emaj.emaj_start_group('g_audit', 'A1'); INSERT INTO chk.nopk VALUES ('x');"
            + "SELECT emaj.emaj_set_mark_group('g_audit', 'A2');");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_group('g_audit', 'A1', 'A2', NULL)"))
            .contains("_gen_sql_groups: Some tables (chk.nopk) have no PRIMARY KEY.");
        assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_group('g_audit', 'A1', 'A2', NULL, ARRAY['chk.t'])")).isEqualTo("0");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_group('nope', 'A1', 'A2', NULL)"))
            .contains("_check_group_names: The group \"nope\" does not exist.");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_group('g_audit', NULL, 'A2', NULL)"))
            .contains("_check_marks_range: The first mark cannot be NULL or empty.");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_group('g_audit', 'A2', 'A1', NULL)"))
            .contains("_check_marks_range: The start mark \"A2\"");
        assertThat(error(db, "SELECT emaj.emaj_gen_sql_group('g_audit', 'NOPE', NULL, NULL)"))
            .contains("_check_mark_name: The mark \"NOPE\" does not exist for the group \"g_audit\".");
        assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_group('g_audit', 'EMAJ_LAST_MARK', NULL, NULL, ARRAY['chk.t'])"))
            .isEqualTo("0");
    }

    @Test
    void aRangeAcrossAStopWarnsThatChangesMayBeMissing() throws Exception {
        db.execute("CREATE SCHEMA ss; CREATE TABLE ss.t (id int PRIMARY KEY);"
            + "SELECT emaj.emaj_create_group('g_ss'); SELECT emaj.emaj_assign_table('ss', 't', 'g_ss');"
            + "SELECT emaj.emaj_start_group('g_ss', 'B1'); INSERT INTO ss.t VALUES (1);"
            + "SELECT emaj.emaj_stop_group('g_ss', 'B2'); INSERT INTO ss.t VALUES (2);"
            + "SELECT emaj.emaj_start_group('g_ss', 'B3', false); INSERT INTO ss.t VALUES (3);");
        assertThat(warnings(db, "SELECT emaj.emaj_gen_sql_group('g_ss', 'B1', NULL, NULL)"))
            .contains("Since mark \"B1\", the table group \"g_ss\" has not been always in logging state. Some data changes may not have been recorded.");
        assertThat(db.queryForList("SELECT scr_sql FROM emaj_sql_script WHERE scr_sql LIKE 'INSERT%'"))
            .containsExactly("INSERT INTO ss.t (id) VALUES ('1');", "INSERT INTO ss.t (id) VALUES ('3');");
        assertThat(warnings(db, "SELECT emaj.emaj_gen_sql_group('g_ss', 'B1', 'B2', NULL)")).isEmpty();
    }

    @Test
    void aTableRemovedFromTheGroupKeepsItsChangesUntilItsRemoval() {
        db.execute("CREATE SCHEMA rm; CREATE TABLE rm.t (id int PRIMARY KEY, v text);"
            + "SELECT emaj.emaj_create_group('g_rm'); SELECT emaj.emaj_assign_table('rm', 't', 'g_rm');"
            + "SELECT emaj.emaj_start_group('g_rm', 'R1'); INSERT INTO rm.t VALUES (1, 'in');"
            + "SELECT emaj.emaj_remove_table('rm', 't', 'R2'); INSERT INTO rm.t VALUES (2, 'out');"
            + "SELECT emaj.emaj_assign_table('rm', 't', 'g_rm', NULL, 'R3'); INSERT INTO rm.t VALUES (3, 'back');");
        assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_group('g_rm', 'R1', NULL, NULL)")).isEqualTo("2");
        assertThat(db.queryForList("SELECT scr_sql FROM emaj_sql_script WHERE scr_sql LIKE 'INSERT%'"))
            .containsExactly("INSERT INTO rm.t (id, v) VALUES ('1', 'in');", "INSERT INTO rm.t (id, v) VALUES ('3', 'back');");
    }

    @Test
    void writingAFileNeedsTheRightToWriteServerFiles() {
        db.execute("CREATE SCHEMA rgt; CREATE TABLE rgt.t (id int PRIMARY KEY);"
            + "SELECT emaj.emaj_create_group('g_rgt'); SELECT emaj.emaj_assign_table('rgt', 't', 'g_rgt');"
            + "SELECT emaj.emaj_start_group('g_rgt', 'W1');"
            + "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chg_gensql_adm') THEN"
            + "  CREATE ROLE chg_gensql_adm; END IF; END $$;"
            + "GRANT emaj_adm TO chg_gensql_adm; REVOKE pg_write_server_files FROM chg_gensql_adm;");
        Path dir = serverDir("gensqlrights");
        try {
            db.execute("SET SESSION AUTHORIZATION chg_gensql_adm");
            assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_group('g_rgt', 'W1', NULL, NULL)")).isEqualTo("0");
            assertThat(error(db, "SELECT emaj.emaj_gen_sql_group('g_rgt', 'W1', NULL, '" + dir.resolve("x.sql") + "')"))
                .contains("_check_can_copy_to: Writing into an external file is not allowed on this emaj instance");
        } finally {
            db.execute("RESET SESSION AUTHORIZATION");
        }
        db.execute("GRANT pg_write_server_files TO chg_gensql_adm; SET SESSION AUTHORIZATION chg_gensql_adm");
        try {
            assertThat(db.queryForString("SELECT emaj.emaj_gen_sql_group('g_rgt', 'W1', NULL, '" + dir.resolve("x.sql") + "')"))
                .isEqualTo("0");
        } finally {
            db.execute("RESET SESSION AUTHORIZATION");
        }
        assertThat(read(dir.resolve("x.sql"))).contains("BEGIN TRANSACTION;");
    }
}
