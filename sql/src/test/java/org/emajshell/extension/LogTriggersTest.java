package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;
import static org.emajshell.extension.CoreSupport.next;

/** Log tables and log triggers (section b.2): content, ordering, kinds of triggers, robustness. */
class LogTriggersTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static String q(String sql) {
        return db.queryForString(sql);
    }

    private static List<List<String>> log(String schema, String table) {
        return db.queryForRows("SELECT coalesce(id::text, '-'), coalesce(name, '-'), coalesce(city, '-'), emaj_verb, emaj_tuple,"
            + " emaj_gid::text FROM emaj_" + schema + "." + table + "_log ORDER BY emaj_gid, emaj_tuple DESC");
    }

    @Test
    void insertUpdateDeleteAndTruncateAreLoggedWithTheSpecifiedLayout() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        long gid0 = Long.parseLong(q("SELECT coalesce(pg_sequence_last_value('emaj.emaj_global_seq'), 0)"));
        db.execute("INSERT INTO " + s + ".cust VALUES (1, 'Alice', 'Paris'), (2, 'Bob', 'Lyon')");
        db.execute("UPDATE " + s + ".cust SET city = 'Nice' WHERE id = 1");
        db.execute("DELETE FROM " + s + ".cust WHERE id = 2");
        db.execute("TRUNCATE " + s + ".cust CASCADE");
        List<List<String>> rows = log(s, "cust");
        assertThat(rows).extracting(r -> String.join("|", r.subList(0, 5))).containsExactly(
            "1|Alice|Paris|INS|NEW", "2|Bob|Lyon|INS|NEW", "1|Alice|Paris|UPD|OLD", "1|Alice|Nice|UPD|NEW",
            "2|Bob|Lyon|DEL|OLD", "-|-|-|TRU|", "1|Alice|Nice|TRU|OLD");
        // gids: increasing in change order, one gid for both images of an update
        assertThat(rows).extracting(r -> Long.parseLong(r.get(5)) - gid0).containsExactly(1L, 2L, 3L, 3L, 4L, 5L, 6L);
        // log sequence: one per row change, N for a TRUNCATE of N rows
        assertThat(q("SELECT pg_sequence_last_value('emaj_" + s + ".cust_log_seq')")).isEqualTo("5");
        assertThat(db.queryForRows("SELECT count(DISTINCT emaj_txid) = 4, bool_and(emaj_user = session_user),"
            + " bool_and(emaj_changed BETWEEN now() - interval '1 hour' AND clock_timestamp()) FROM emaj_" + s + ".cust_log"))
            .containsExactly(List.of("t", "t", "t"));
    }

    @Test
    void multiRowUpdatesPairTheImagesEvenWhenKeysChange() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("INSERT INTO " + s + ".cust SELECT g, 'n' || g, 'c' || g FROM generate_series(1, 500) g;"
            + "UPDATE " + s + ".cust SET id = 1000 - id, city = city || '!' WHERE id % 3 = 0;");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log o JOIN emaj_" + s + ".cust_log n USING (emaj_gid)"
            + " WHERE o.emaj_tuple = 'OLD' AND n.emaj_tuple = 'NEW' AND n.id = 1000 - o.id AND n.city = o.city || '!'"))
            .isEqualTo("166");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log WHERE emaj_verb = 'UPD'")).isEqualTo("332");
        assertThat(q("SELECT pg_sequence_last_value('emaj_" + s + ".cust_log_seq')")).isEqualTo("666");
    }

    @Test
    void updatesStayPairedWhileOtherSessionsTakeGids() throws Exception {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("INSERT INTO " + s + ".cust SELECT g, 'n', 'c' FROM generate_series(1, 20000) g;"
            + "INSERT INTO " + s + ".ord SELECT g, NULL, g FROM generate_series(1, 300) g");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        boolean interleaved = false;
        try (Connection other = db.newConnection()) {
            Future<?> hammer = pool.submit(() -> {
                try (Statement st = other.createStatement()) {
                    while (!stop.get()) {
                        st.execute("SELECT nextval('emaj.emaj_global_seq') FROM generate_series(1, 200)");
                    }
                }
                return null;
            });
            for (int attempt = 1; attempt <= 5 && !interleaved; attempt++) {
                db.execute("UPDATE " + s + ".cust SET city = city || '" + attempt + "', id = id + 100000");
                interleaved = "t".equals(q("SELECT max(emaj_gid) - min(emaj_gid) + 1 > count(*) FROM emaj_" + s + ".cust_log"
                    + " WHERE emaj_verb = 'UPD' AND emaj_tuple = 'OLD' AND emaj_txid = (SELECT max(emaj_txid) FROM emaj_" + s + ".cust_log)"));
            }
            // one-row UPDATEs, the OLTP case: their NEW image takes currval, never needs a fix-up
            for (int id = 1; id <= 300; id++) {
                db.execute("UPDATE " + s + ".ord SET amount = amount + 1 WHERE id = " + id);
            }
            stop.set(true);
            hammer.get();
        } finally {
            pool.shutdownNow();
        }
        // (fresh statistics, else the planner picks a quadratic nested loop for the checks below)
        db.execute("ANALYZE emaj_" + s + ".cust_log");
        // every NEW image has the gid of its OLD image, whatever the interleaving
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log n WHERE n.emaj_verb = 'UPD' AND n.emaj_tuple = 'NEW' AND NOT EXISTS (SELECT 1 FROM emaj_" + s
            + ".cust_log o WHERE o.emaj_gid = n.emaj_gid AND o.emaj_tuple = 'OLD' AND n.id = o.id + 100000)")).isEqualTo("0");
        assertThat(q("SELECT count(*) - count(DISTINCT emaj_gid) FROM emaj_" + s + ".cust_log WHERE emaj_verb = 'UPD' AND emaj_tuple = 'NEW'")).isEqualTo("0");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".ord_log n WHERE n.emaj_verb = 'UPD' AND n.emaj_tuple = 'NEW' AND NOT EXISTS (SELECT 1 FROM emaj_" + s
            + ".ord_log o WHERE o.emaj_gid = n.emaj_gid AND o.emaj_tuple = 'OLD' AND n.id = o.id AND n.amount = o.amount + 1)"))
            .isEqualTo("0");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".ord_log WHERE emaj_verb = 'UPD' AND emaj_tuple = 'NEW'")).isEqualTo("300");
        assertThat(interleaved).as("another session took gids during an update").isTrue();
    }

    @Test
    void idleGroupsDoNotLogAndRowsChangedInReplicaModeAreLogged() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("SET session_replication_role = replica; INSERT INTO " + s + ".cust VALUES (1, 'a', 'b');"
            + "RESET session_replication_role;");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log")).isEqualTo("1");
        db.execute("SELECT emaj.emaj_stop_group('g" + n + "'); INSERT INTO " + s + ".cust VALUES (2, 'a', 'b');"
            + "TRUNCATE " + s + ".cust CASCADE;");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log")).isEqualTo("1");
    }

    @Test
    void partitionsAndInheritanceTablesGetRowTriggersAndLogRowsChangedThroughTheParent() {
        int n = next();
        String s = "p" + n;
        db.execute("CREATE SCHEMA " + s + ";"
            + "CREATE TABLE " + s + ".part (id int PRIMARY KEY, v text) PARTITION BY RANGE (id);"
            + "CREATE TABLE " + s + ".part1 PARTITION OF " + s + ".part FOR VALUES FROM (0) TO (100);"
            + "CREATE TABLE " + s + ".part2 PARTITION OF " + s + ".part FOR VALUES FROM (100) TO (200);"
            + "CREATE TABLE " + s + ".parent (id int PRIMARY KEY, v text);"
            + "CREATE TABLE " + s + ".child (id int PRIMARY KEY, v text) INHERITS (" + s + ".parent);"
            + "SELECT emaj.emaj_create_group('pg" + n + "');"
            + "SELECT emaj.emaj_assign_tables('" + s + "', ARRAY['part1', 'part2', 'parent', 'child'], 'pg" + n + "');"
            + "SELECT emaj.emaj_start_group('pg" + n + "');");
        assertThat(db.queryForList("SELECT c.relname || ':' || t.tgname || ':' || (t.tgtype & 1)::text FROM pg_trigger t JOIN pg_class c"
            + " ON c.oid = t.tgrelid WHERE c.relnamespace = '" + s + "'::regnamespace AND t.tgname LIKE 'emaj_log%' ORDER BY 1"))
            .containsExactly("child:emaj_log_trg:1", "parent:emaj_log_trg:1", "part1:emaj_log_trg:1", "part2:emaj_log_trg:1");
        db.execute("INSERT INTO " + s + ".part VALUES (1, 'a'), (150, 'b'); UPDATE " + s + ".part SET v = 'c' WHERE id = 1;"
            + "UPDATE " + s + ".part SET id = 160 WHERE id = 1;"      // moves the row to part2
            + "INSERT INTO " + s + ".parent VALUES (1, 'p'); INSERT INTO " + s + ".child VALUES (2, 'c');"
            + "UPDATE " + s + ".parent SET v = v || '!';");
        assertThat(db.queryForList("SELECT id || v || emaj_verb || emaj_tuple FROM emaj_" + s + ".part1_log ORDER BY emaj_gid, emaj_tuple DESC"))
            .containsExactly("1aINSNEW", "1aUPDOLD", "1cUPDNEW", "1cDELOLD");
        assertThat(db.queryForList("SELECT id || v || emaj_verb || emaj_tuple FROM emaj_" + s + ".part2_log ORDER BY emaj_gid, emaj_tuple DESC"))
            .containsExactly("150bINSNEW", "160cINSNEW");
        assertThat(db.queryForList("SELECT id || v || emaj_verb || emaj_tuple FROM emaj_" + s + ".parent_log ORDER BY emaj_gid, emaj_tuple DESC"))
            .containsExactly("1pINSNEW", "1pUPDOLD", "1p!UPDNEW");
        assertThat(db.queryForList("SELECT id || v || emaj_verb || emaj_tuple FROM emaj_" + s + ".child_log ORDER BY emaj_gid, emaj_tuple DESC"))
            .containsExactly("2cINSNEW", "2cUPDOLD", "2c!UPDNEW");
    }

    @Test
    void foreignKeyCascadesAndOnConflictAreLogged() {
        int n = next();
        String s = "f" + n;
        db.execute("CREATE SCHEMA " + s + ";"
            + "CREATE TABLE " + s + ".par (id int PRIMARY KEY, v int);"
            + "CREATE TABLE " + s + ".chi (id int PRIMARY KEY, par int REFERENCES " + s + ".par ON DELETE CASCADE);"
            + "SELECT emaj.emaj_create_group('fg" + n + "');"
            + "SELECT emaj.emaj_assign_tables('" + s + "', '.*', NULL, 'fg" + n + "');"
            + "SELECT emaj.emaj_start_group('fg" + n + "');"
            + "INSERT INTO " + s + ".par VALUES (1, 0), (2, 0); INSERT INTO " + s + ".chi VALUES (10, 1), (11, 1);"
            + "INSERT INTO " + s + ".par VALUES (2, 5), (3, 0) ON CONFLICT (id) DO UPDATE SET v = excluded.v;"
            + "DELETE FROM " + s + ".par WHERE id = 1;");
        assertThat(db.queryForList("SELECT id || ':' || emaj_verb || emaj_tuple FROM emaj_" + s + ".chi_log ORDER BY emaj_gid"))
            .containsExactly("10:INSNEW", "11:INSNEW", "10:DELOLD", "11:DELOLD");
        // the ON CONFLICT statement logs its insert and its update (each kind by its own statement trigger)
        assertThat(db.queryForList("SELECT id || ':' || v || ':' || emaj_verb || emaj_tuple FROM emaj_" + s + ".par_log"
            + " ORDER BY emaj_gid, emaj_tuple DESC"))
            .startsWith("1:0:INSNEW", "2:0:INSNEW").endsWith("1:0:DELOLD")
            .containsSubsequence("2:0:UPDOLD", "2:5:UPDNEW").contains("3:0:INSNEW").hasSize(6);
    }

    @Test
    void aHostileSearchPathCannotDivertTheLogFunctions() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("CREATE SCHEMA evil" + n + ";"
            + "CREATE FUNCTION evil" + n + ".boom(bigint, bigint) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'diverted'; END $$;"
            + "CREATE OPERATOR evil" + n + ".+ (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil" + n + ".boom);"
            + "CREATE OPERATOR evil" + n + ".- (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil" + n + ".boom);"
            + "CREATE FUNCTION evil" + n + ".nextval(regclass) RETURNS bigint LANGUAGE sql AS 'SELECT -1::bigint';"
            + "SET search_path = evil" + n + ", pg_catalog, public;"
            + "INSERT INTO " + s + ".cust VALUES (1, 'a', 'b'), (2, 'c', 'd'); UPDATE " + s + ".cust SET name = 'x';"
            + "DELETE FROM " + s + ".cust WHERE id = 1;"
            + "RESET search_path;");
        assertThat(q("SELECT count(*) FROM emaj_" + s + ".cust_log WHERE emaj_gid > 0")).isEqualTo("7");
    }
}
