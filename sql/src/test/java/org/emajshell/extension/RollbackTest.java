package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emajshell.extension.RollbackSupport.emajState;
import static org.emajshell.extension.RollbackSupport.rollback;
import static org.emajshell.extension.RollbackSupport.snapshot;

/** Unlogged rollbacks: emaj_rollback_group(s). */
class RollbackTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * A schema with a parent/child pair linked by a foreign key, a table with generated and
     * identity columns, and a sequence, all in one group started at mark M1. Returns the suffix n
     * of schema "s{n}" and group "g{n}".
     */
    private static int newGroup() {
        int n = COUNTER.incrementAndGet();
        String s = "s" + n;
        db.execute("CREATE SCHEMA " + s + ";"
            + "CREATE TABLE " + s + ".cust (id int PRIMARY KEY, name text, city text);"
            + "CREATE TABLE " + s + ".ord (id int PRIMARY KEY, cust_id int REFERENCES " + s + ".cust ON DELETE CASCADE,"
            + "  amount numeric, twice numeric GENERATED ALWAYS AS (amount * 2) STORED);"
            + "CREATE TABLE " + s + ".item (code text, line int, label text, ref int GENERATED ALWAYS AS IDENTITY,"
            + "  PRIMARY KEY (code, line));"
            + "CREATE SEQUENCE " + s + ".seq;"
            + "INSERT INTO " + s + ".cust VALUES (1, 'Alice', 'Paris'), (2, 'Bob', 'Lyon'), (3, 'Carol', 'Nice');"
            + "INSERT INTO " + s + ".ord VALUES (10, 1, 5), (11, 2, 7), (12, 3, 9);"
            + "INSERT INTO " + s + ".item (code, line, label) VALUES ('a', 1, 'x'), ('a', 2, 'y'), ('b', 1, 'z');"
            + "SELECT emaj.emaj_create_group('g" + n + "');"
            + "SELECT emaj.emaj_assign_tables('" + s + "', ARRAY['cust', 'ord', 'item'], 'g" + n + "');"
            + "SELECT emaj.emaj_assign_sequence('" + s + "', 'seq', 'g" + n + "');"
            + "SELECT emaj.emaj_start_group('g" + n + "', 'M1');");
        return n;
    }

    /** Inserts, updates (one of a key), deletes, a TRUNCATE, sequence calls. */
    private static void changeEverything(int n) {
        String s = "s" + n;
        db.execute("SELECT nextval('" + s + ".seq'), nextval('" + s + ".seq');"
            + "UPDATE " + s + ".cust SET city = 'Marseille' WHERE id = 1;"
            + "INSERT INTO " + s + ".cust VALUES (4, 'Dan', 'Lille');"
            + "INSERT INTO " + s + ".ord VALUES (13, 4, 1);"
            + "DELETE FROM " + s + ".cust WHERE id = 3;"            // cascades to ord 12
            + "UPDATE " + s + ".item SET line = 9 WHERE code = 'a' AND line = 1;"   // a key update
            + "UPDATE " + s + ".ord SET amount = amount + 100;"
            + "INSERT INTO " + s + ".item (code, line, label) VALUES ('c', 1, 'new');"
            + "TRUNCATE " + s + ".item;"
            + "INSERT INTO " + s + ".item (code, line, label) VALUES ('a', 1, 'again');");
    }

    @Test
    void rollbackRestoresTablesAndSequencesAndReportsWhatItDid() {
        int n = newGroup();
        Map<String, String> atM1 = snapshot(db, "s" + n);
        changeEverything(n);
        db.execute("SELECT emaj.emaj_set_mark_group('g" + n + "', 'M2')");
        db.execute("UPDATE s" + n + ".cust SET name = upper(name); SELECT setval('s" + n + ".seq', 100)");
        assertThat(snapshot(db, "s" + n)).isNotEqualTo(atM1);

        List<String> report = rollback(db, "emaj_rollback_group('g" + n + "', 'M1')");

        String id = db.queryForString("SELECT max(rlbk_id) FROM emaj.emaj_rlbk");
        assertThat(report).containsExactly("Notice: Rollback id = " + id + ".",
            "Notice: 3 / 3 tables effectively processed.",
            "Notice: 1 / 1 sequences effectively processed.");
        assertThat(snapshot(db, "s" + n)).isEqualTo(atM1);
        assertThat(db.queryForString("SELECT rlbk_status || ',' || rlbk_is_logged || ',' || rlbk_eff_nb_table FROM emaj.emaj_rlbk"
            + " WHERE rlbk_id = " + id)).isEqualTo("COMMITTED,false,3");
    }

    @Test
    void rollbackDeletesTheRevertedLogsAndTheLaterMarksAndRecordsTheHoles() {
        int n = newGroup();
        changeEverything(n);
        db.execute("SELECT emaj.emaj_set_mark_group('g" + n + "', 'M2')");
        db.execute("UPDATE s" + n + ".cust SET name = 'x'");

        rollback(db, "emaj_rollback_group('g" + n + "', 'M1')");

        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'g" + n + "'")).containsExactly("M1");
        assertThat(db.queryForString("SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM emaj_s" + n + ".item_log")).isEqualTo("0");
        // 4 changes on cust: update, insert, delete, 4 updates of the name after M2 -> 1+1+1+3 = 6 sequence steps
        assertThat(db.queryForString("SELECT sqhl_hole_size FROM emaj.emaj_seq_hole WHERE sqhl_schema = 's" + n
            + "' AND sqhl_table = 'cust'")).isEqualTo("6");
        // the statistics count nothing between the target mark and a new mark
        db.execute("SELECT emaj.emaj_set_mark_group('g" + n + "', 'M3')");
        assertThat(db.queryForString("SELECT sum(stat_rows) FROM emaj.emaj_log_stat_group('g" + n + "', 'M1', 'M3')"))
            .isEqualTo("0");
    }

    @Test
    void rollbackToTheLastMarkAndSecondRollbackWork() {
        int n = newGroup();
        db.execute("UPDATE s" + n + ".cust SET name = 'a'");
        db.execute("SELECT emaj.emaj_set_mark_group('g" + n + "', 'M2')");
        Map<String, String> atM2 = snapshot(db, "s" + n);
        db.execute("UPDATE s" + n + ".cust SET name = 'b'");
        rollback(db, "emaj_rollback_group('g" + n + "', 'EMAJ_LAST_MARK')");
        assertThat(snapshot(db, "s" + n)).isEqualTo(atM2);
        db.execute("DELETE FROM s" + n + ".ord");
        rollback(db, "emaj_rollback_group('g" + n + "', 'M2', false, 'second one')");
        assertThat(snapshot(db, "s" + n)).isEqualTo(atM2);
        assertThat(db.queryForString("SELECT rlbk_comment FROM emaj.emaj_rlbk ORDER BY rlbk_id DESC LIMIT 1")).isEqualTo("second one");
        // nothing to do: 0 tables processed
        assertThat(rollback(db, "emaj_rollback_group('g" + n + "', 'M2')"))
            .contains("Notice: 0 / 3 tables effectively processed.", "Notice: 0 / 1 sequences effectively processed.");
    }

    @Test
    void rebuildMethodGivesTheSameResultAsTheKeysMethod() {
        int n = newGroup();
        Map<String, String> atM1 = snapshot(db, "s" + n);
        changeEverything(n);
        db.execute("SET emaj.rlbk_rebuild_ratio = 0; SET emaj.rlbk_rebuild_min_keys = 0");
        try {
            rollback(db, "emaj_rollback_group('g" + n + "', 'M1')");
        } finally {
            db.execute("RESET emaj.rlbk_rebuild_ratio; RESET emaj.rlbk_rebuild_min_keys");
        }
        assertThat(snapshot(db, "s" + n)).isEqualTo(atM1);
        // cust is referenced by ord: it keeps the keys method; the others are rebuilt
        assertThat(db.queryForList("SELECT hist_object || ' ' || substring(hist_wording from 'method (\\w+)') FROM emaj.emaj_hist"
            + " WHERE hist_function = 'ROLLBACK_TABLE' AND hist_object LIKE 's" + n + ".%' ORDER BY 1"))
            .containsExactly("s" + n + ".cust KEYS", "s" + n + ".item REBUILD", "s" + n + ".ord REBUILD");
    }

    @Test
    void keyUpdatesAndKeySwapsAreRolledBack() {
        int n = newGroup();
        String s = "s" + n;
        db.execute("CREATE TABLE " + s + ".k (id int PRIMARY KEY, v text);"
            + "INSERT INTO " + s + ".k VALUES (1, 'one'), (2, 'two'), (3, 'three');"
            + "SELECT emaj.emaj_stop_group('g" + n + "');"
            + "SELECT emaj.emaj_assign_table('" + s + "', 'k', 'g" + n + "');"
            + "SELECT emaj.emaj_start_group('g" + n + "', 'K1');");
        Map<String, String> atK1 = snapshot(db, s);
        db.execute("UPDATE " + s + ".k SET id = id + 10;"                       // every key changes
            + "UPDATE " + s + ".k SET id = -1 WHERE id = 11; UPDATE " + s + ".k SET id = 11 WHERE id = 12;"   // a swap
            + "UPDATE " + s + ".k SET id = 12 WHERE id = -1;"
            + "UPDATE " + s + ".k SET id = 1 WHERE id = 13;"                    // back to an old key
            + "INSERT INTO " + s + ".k VALUES (3, 'new three')");               // an old key reused
        rollback(db, "emaj_rollback_group('g" + n + "', 'K1')");
        assertThat(snapshot(db, s)).isEqualTo(atK1);
    }

    @Test
    void sequencesComeBackWithTheirProperties() {
        int n = newGroup();
        String s = "s" + n;
        db.execute("SELECT nextval('" + s + ".seq')");
        db.execute("SELECT emaj.emaj_set_mark_group('g" + n + "', 'M2')");
        Map<String, String> atM2 = snapshot(db, s);
        db.execute("SELECT nextval('" + s + ".seq'); ALTER SEQUENCE " + s + ".seq INCREMENT BY 5 MAXVALUE 1000 CACHE 3 CYCLE;"
            + "SELECT nextval('" + s + ".seq')");
        rollback(db, "emaj_rollback_group('g" + n + "', 'M2')");
        assertThat(snapshot(db, s)).isEqualTo(atM2);
        assertThat(db.queryForString("SELECT nextval('" + s + ".seq')")).isEqualTo("2");
    }

    @Test
    void applicationTriggersDoNotFireUnlessIgnored() {
        int n = newGroup();
        String s = "s" + n;
        db.execute("CREATE TABLE " + s + "_audit (what text);"
            + "CREATE FUNCTION " + s + ".audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + "  INSERT INTO public." + s + "_audit VALUES (TG_NAME || ' ' || TG_OP); RETURN NULL; END $$;"
            + "CREATE FUNCTION " + s + ".shout() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + "  NEW.name := upper(NEW.name); RETURN NEW; END $$;"
            + "CREATE TRIGGER audit_cust AFTER INSERT OR DELETE ON " + s + ".cust FOR EACH ROW EXECUTE FUNCTION " + s + ".audit();"
            + "CREATE TRIGGER shout_cust BEFORE INSERT ON " + s + ".cust FOR EACH ROW EXECUTE FUNCTION " + s + ".shout();"
            + "ALTER TABLE " + s + ".cust ENABLE ALWAYS TRIGGER shout_cust;"
            + "CREATE TRIGGER audit_ord AFTER INSERT OR DELETE ON " + s + ".ord FOR EACH ROW EXECUTE FUNCTION " + s + ".audit();"
            + "SELECT emaj.emaj_modify_table('" + s + "', 'ord', '{\"ignored_triggers\": [\"audit_ord\"]}');"
            + "SELECT emaj.emaj_set_mark_group('g" + n + "', 'T1');");
        Map<String, String> atT1 = snapshot(db, s);
        String triggersBefore = db.queryForString("SELECT string_agg(tgname || '=' || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger"
            + " WHERE tgrelid IN ('" + s + ".cust'::regclass, '" + s + ".ord'::regclass) AND NOT tgisinternal");
        db.execute("DELETE FROM " + s + ".cust WHERE id = 1; INSERT INTO " + s + ".cust VALUES (7, 'eve', 'Caen');"
            + "TRUNCATE " + s + "_audit");

        rollback(db, "emaj_rollback_group('g" + n + "', 'T1', true)");

        // cust names were not upper-cased again, cust's audit did not fire, ord's (ignored) did
        assertThat(snapshot(db, s)).isEqualTo(atT1);
        assertThat(db.queryForList("SELECT what FROM " + s + "_audit ORDER BY 1")).containsExactly("audit_ord INSERT");
        assertThat(db.queryForString("SELECT string_agg(tgname || '=' || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger"
            + " WHERE tgrelid IN ('" + s + ".cust'::regclass, '" + s + ".ord'::regclass) AND NOT tgisinternal"))
            .isEqualTo(triggersBefore);
    }

    @Test
    void foreignKeysWithTablesOutsideTheGroupAreVerifiedAndAFailedRollbackChangesNothing() {
        int n = newGroup();
        String s = "s" + n;
        db.execute("CREATE TABLE " + s + "_country (code text PRIMARY KEY);"
            + "INSERT INTO " + s + "_country VALUES ('FR'), ('IT');"
            + "CREATE TABLE " + s + ".addr (id int PRIMARY KEY, country text REFERENCES " + s + "_country ON DELETE CASCADE);"
            + "INSERT INTO " + s + ".addr VALUES (1, 'FR'), (2, 'IT');"
            + "CREATE TABLE " + s + "_note (id int PRIMARY KEY, cust_id int REFERENCES " + s + ".cust DEFERRABLE);"
            + "SELECT emaj.emaj_stop_group('g" + n + "');"
            + "SELECT emaj.emaj_assign_table('" + s + "', 'addr', 'g" + n + "');"
            + "SELECT emaj.emaj_start_group('g" + n + "', 'F1');");
        Map<String, String> atF1 = snapshot(db, s);

        // child side: the address 2 comes back but its country has gone
        db.execute("DELETE FROM " + s + ".addr WHERE id = 2; DELETE FROM " + s + "_country WHERE code = 'IT'");
        db.execute("SELECT emaj.emaj_set_mark_group('g" + n + "', 'F2')");
        Map<String, String> beforeFailure = snapshot(db, s);
        List<List<String>> emajBefore = emajState(db);
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('g" + n + "', 'F1')"))
            .hasMessageContaining("_rlbk_check_fkey: The rollback of the table " + s + ".addr would break the foreign key \"addr_country_fkey\"");
        assertThat(snapshot(db, s)).isEqualTo(beforeFailure);
        assertThat(emajState(db)).isEqualTo(emajBefore);

        // parent side: customer 9 created after the mark is referenced by an outside note
        db.execute("INSERT INTO " + s + "_country VALUES ('IT');"
            + "INSERT INTO " + s + ".cust VALUES (9, 'Ivan', 'Rome'); INSERT INTO " + s + "_note VALUES (1, 9)");
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('g" + n + "', 'F1')"))
            .hasMessageContaining("would break the foreign key \"" + s + "_note_cust_id_fkey\" that references it from the table public." + s + "_note");

        // once the outside rows are consistent with the target state, the rollback passes
        db.execute("DELETE FROM " + s + "_note");
        rollback(db, "emaj_rollback_group('g" + n + "', 'F1')");
        assertThat(snapshot(db, s)).isEqualTo(atF1);
        assertThat(db.queryForList("SELECT code FROM " + s + "_country ORDER BY 1")).containsExactly("FR", "IT");
    }

    @Test
    void tablesLinkedInsideTheGroupRollBackWhateverTheOrder() {
        int n = newGroup();
        String s = "s" + n;
        Map<String, String> atM1 = snapshot(db, s);
        // new parents with new children, deleted parents with cascaded children
        db.execute("INSERT INTO " + s + ".cust VALUES (5, 'Eve', 'Caen'); INSERT INTO " + s + ".ord VALUES (50, 5, 1);"
            + "DELETE FROM " + s + ".cust WHERE id IN (1, 2)");
        rollback(db, "emaj_rollback_group('g" + n + "', 'M1')");
        assertThat(snapshot(db, s)).isEqualTo(atM1);
    }

    @Test
    void multiGroupRollbackNeedsACommonMark() {
        int a = newGroup();
        int b = newGroup();
        db.execute("SELECT emaj.emaj_set_mark_groups(ARRAY['g" + a + "', 'g" + b + "'], 'BOTH')");
        Map<String, String> sa = snapshot(db, "s" + a);
        Map<String, String> sb = snapshot(db, "s" + b);
        changeEverything(a);
        changeEverything(b);
        List<String> report = rollback(db, "emaj_rollback_groups(ARRAY['g" + a + "', 'g" + b + "', NULL, ''], 'BOTH')");
        assertThat(report).contains("Notice: 6 / 6 tables effectively processed.", "Notice: 2 / 2 sequences effectively processed.");
        assertThat(snapshot(db, "s" + a)).isEqualTo(sa);
        assertThat(snapshot(db, "s" + b)).isEqualTo(sb);
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_groups(ARRAY['g" + a + "', 'g" + b + "'], 'M1')"))
            .hasMessageContaining("_check_mark_name: The mark \"M1\" does not represent the same point in time for all groups.");
    }

    @Test
    void checksOfGroupsAndMarks() {
        int n = newGroup();
        String g = "g" + n;
        db.execute("SELECT emaj.emaj_set_mark_group('" + g + "', 'M2'); SELECT emaj.emaj_set_mark_group('" + g + "', 'M3')");
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('nogroup', 'M1')"))
            .hasMessageContaining("_check_group_names: The group \"nogroup\" does not exist.");
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('" + g + "', 'NOPE')"))
            .hasMessageContaining("_check_mark_name: The mark \"NOPE\" does not exist for the group \"" + g + "\".");
        // protected mark after the target
        db.execute("SELECT emaj.emaj_protect_mark_group('" + g + "', 'M3')");
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('" + g + "', 'M1')"))
            .hasMessageContaining("_rlbk_check: Protected marks (M3) for the group \"" + g + "\" block the rollback to the mark \"M1\".");
        rollback(db, "emaj_rollback_group('" + g + "', 'M3')");
        db.execute("SELECT emaj.emaj_unprotect_mark_group('" + g + "', 'M3')");
        // protected group
        db.execute("SELECT emaj.emaj_protect_group('" + g + "')");
        assertThatThrownBy(() -> rollback(db, "emaj_logged_rollback_group('" + g + "', 'M1')"))
            .hasMessageContaining("_check_group_names: The group \"" + g + "\" is currently protected against rollback operations.");
        db.execute("SELECT emaj.emaj_unprotect_group('" + g + "')");
        // stopped group, then mark of an older log session
        db.execute("SELECT emaj.emaj_stop_group('" + g + "')");
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('" + g + "', 'M1')"))
            .hasMessageContaining("_check_group_names: The group \"" + g + "\" is not in LOGGING state.");
        db.execute("SELECT emaj.emaj_start_group('" + g + "', 'RESTART', false)");
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('" + g + "', 'M1')"))
            .hasMessageContaining("_check_mark_name: For the group \"" + g + "\", the mark \"M1\" was set before the latest group start.");
        // audit only group
        db.execute("CREATE TABLE s" + n + ".nopk (v int); SELECT emaj.emaj_create_group('audit" + n + "', false);"
            + "SELECT emaj.emaj_assign_table('s" + n + "', 'nopk', 'audit" + n + "'); SELECT emaj.emaj_start_group('audit" + n + "', 'A1')");
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('audit" + n + "', 'A1')"))
            .hasMessageContaining("_check_group_names: The group \"audit" + n + "\" has been created as AUDIT_ONLY.");
    }

    @Test
    void aTableWhoseStructureDriftedFromItsLogBlocksTheRollback() {
        int n = newGroup();
        db.execute("UPDATE s" + n + ".cust SET name = 'x'; ALTER TABLE s" + n + ".cust ADD COLUMN extra int");
        List<List<String>> before = emajState(db);
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('g" + n + "', 'M1')"))
            .hasMessageContaining("_verify_groups (")
            .hasMessageContaining("You may use \"SELECT * FROM emaj.emaj_verify_all()\" to look for other issues.");
        assertThat(emajState(db)).isEqualTo(before);
        db.execute("ALTER TABLE s" + n + ".cust DROP COLUMN extra");
    }

    @Test
    void crossingAGroupStructureChangeNeedsTheFlagAndGivesWarnings() {
        int n = newGroup();
        String s = "s" + n;
        db.execute("CREATE TABLE " + s + ".late (id int PRIMARY KEY, v text); INSERT INTO " + s + ".late VALUES (1, 'a');"
            + "UPDATE " + s + ".cust SET name = 'changed';"
            + "SELECT emaj.emaj_assign_table('" + s + "', 'late', 'g" + n + "', NULL, 'ADDED');");
        Map<String, String> atAdded = snapshot(db, s);
        db.execute("UPDATE " + s + ".late SET v = 'b'; INSERT INTO " + s + ".late VALUES (2, 'c')");
        List<List<String>> before = emajState(db);
        assertThatThrownBy(() -> rollback(db, "emaj_rollback_group('g" + n + "', 'M1')"))
            .hasMessageContaining("_rlbk_check: This rollback operation would cross some previous structure group change operations");
        assertThat(emajState(db)).isEqualTo(before);

        List<String> report = rollback(db, "emaj_rollback_group('g" + n + "', 'M1', true)");
        assertThat(report).anyMatch(r -> r.startsWith("Warning: ") && r.contains(s + ".late"));
        // cust back to M1, late back to its state when it was added
        assertThat(snapshot(db, s).get("late")).isEqualTo(atAdded.get("late"));
        assertThat(db.queryForList("SELECT DISTINCT name FROM " + s + ".cust ORDER BY 1")).containsExactly("Alice", "Bob", "Carol");
    }

    @Test
    void aCancelledRollbackLeavesEverythingAsBefore() throws Exception {
        int n = newGroup();
        String s = "s" + n;
        // an ignored trigger that sleeps makes the rollback last long enough to be cancelled
        db.execute("CREATE FUNCTION " + s + ".slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.5); RETURN NULL; END $$;"
            + "CREATE TRIGGER slow AFTER INSERT ON " + s + ".ord FOR EACH STATEMENT EXECUTE FUNCTION " + s + ".slow();"
            + "SELECT emaj.emaj_modify_table('" + s + "', 'ord', '{\"ignored_triggers\": \"slow\"}');");
        changeEverything(n);
        Map<String, String> before = snapshot(db, s);
        List<List<String>> emajBefore = emajState(db);
        try (var c = db.newConnection(); var st = c.createStatement()) {
            st.execute("SET statement_timeout = '200ms'");
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM emaj.emaj_rollback_group('g" + n + "', 'M1', true)"))
                .hasMessageContaining("canceling statement due to statement timeout");
        }
        assertThat(snapshot(db, s)).isEqualTo(before);
        assertThat(emajState(db)).isEqualTo(emajBefore);
        // no trace of the rollback but, if it had published its progress, an ABORTED state
        assertThat(db.queryForList("SELECT rlbk_status FROM emaj.emaj_rlbk WHERE 'g" + n + "' = ANY (rlbk_groups)"))
            .allMatch("ABORTED"::equals);
    }
}
