package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.fail;

/**
 * Property: after a rollback to any mark, every table and sequence of the group equals its
 * snapshot at that mark; after a logged rollback, the same, and a rollback to its
 * RLBK_<id>_START mark brings back the state it started from.
 * <p>
 * Each schema is drawn from a seeded generator: 2 to 5 tables with single or composite keys,
 * foreign keys between them (cascading or not, deferrable or not, to themselves too), generated
 * and identity columns, application triggers that write into the group (which must not fire
 * during a rollback), a sequence; then rounds of random INSERT / UPSERT / UPDATE (including key
 * updates) / DELETE / TRUNCATE and sequence calls across several marks, each round ending with a
 * checked rollback (unlogged or logged, keys or rebuild method). Failing seeds are printed with
 * the statements of the failing case. Run one seed with -Drollback.seed=N -Drollback.schemas=1.
 */
class RollbackPropertyTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static final long BASE_SEED = Long.getLong("rollback.seed", 20261125L);
    private static final int SCHEMAS = Integer.getInteger("rollback.schemas", 26);
    private static final int ROUNDS = Integer.getInteger("rollback.rounds", 8);

    @Test
    void rollbacksBringBackTheStateOfTheirMark() throws Exception {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        try (Connection c = db.newConnection()) {
            for (int i = 0; i < SCHEMAS; i++) {
                long seed = BASE_SEED + i;
                Scenario scenario = new Scenario(c, seed, "p" + i);
                try {
                    cases += scenario.run();
                } catch (AssertionError | Exception e) {
                    failures.add("seed " + seed + ": " + e.getMessage() + "\n  statements:\n    "
                        + String.join("\n    ", scenario.journal));
                }
            }
        }
        System.out.println("RollbackPropertyTest: " + cases + " rollback cases checked on " + SCHEMAS + " schemas (base seed " + BASE_SEED + ")");
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("FAILING " + f));
            fail(failures.size() + " failing seed(s): " + String.join("\n", failures).substring(0, Math.min(4000, String.join("\n", failures).length())));
        }
    }

    /** One random schema and group, and its rounds of changes and rollbacks. */
    private static final class Scenario {
        final Connection c;
        final Random rnd;
        final String s;
        final String g;
        final List<String> journal = new ArrayList<>();
        final List<Table> tables = new ArrayList<>();
        final Map<String, Map<String, String>> snapshots = new LinkedHashMap<>();
        int stmtNo;

        Scenario(Connection c, long seed, String name) {
            this.c = c;
            this.rnd = new Random(seed);
            this.s = name;
            this.g = "grp_" + name;
        }

        record Table(String name, boolean composite, String parent, boolean hasIdentity) {
        }

        int run() throws SQLException {
            createSchema();
            int cases = 0;
            int markNo = 0;
            exec("SELECT emaj.emaj_start_group('" + g + "', 'M" + markNo + "')");
            snapshots.put("M" + markNo, RollbackSupport.snapshot(c, s));
            for (int round = 0; round < ROUNDS; round++) {
                int marks = 1 + rnd.nextInt(3);
                for (int m = 0; m < marks; m++) {
                    randomChanges(1 + rnd.nextInt(8));
                    markNo++;
                    exec("SELECT emaj.emaj_set_mark_group('" + g + "', 'M" + markNo + "')");
                    snapshots.put("M" + markNo, RollbackSupport.snapshot(c, s));
                }
                randomChanges(rnd.nextInt(8));
                List<String> existing = new ArrayList<>();
                for (String mark : snapshots.keySet()) {
                    if ("1".equals(RollbackSupport.string(c, "SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = '" + g
                        + "' AND mark_name = '" + mark + "'"))) {
                        existing.add(mark);
                    }
                }
                String target = existing.get(rnd.nextInt(existing.size()));
                boolean logged = rnd.nextInt(3) == 0;
                // the method: as chosen by the sizes (here: one statement), REBUILD when allowed,
                // or the set-based KEYS method with its temporary table
                int method = rnd.nextInt(3);
                Map<String, String> before = RollbackSupport.snapshot(c, s);
                exec(switch (method) {
                    case 1 -> "SET emaj.rlbk_rebuild_ratio = 0; SET emaj.rlbk_rebuild_min_keys = 0; RESET emaj.rlbk_small_range";
                    case 2 -> "SET emaj.rlbk_rebuild_ratio = 2; RESET emaj.rlbk_rebuild_min_keys; SET emaj.rlbk_small_range = 0";
                    default -> "RESET emaj.rlbk_rebuild_ratio; RESET emaj.rlbk_rebuild_min_keys; RESET emaj.rlbk_small_range";
                });
                exec("SELECT * FROM emaj." + (logged ? "emaj_logged_rollback_group" : "emaj_rollback_group")
                    + "('" + g + "', '" + target + "')");
                check(target, snapshots.get(target), "after the " + (logged ? "logged " : "") + "rollback to " + target
                    + (method == 1 ? " (rebuild)" : method == 2 ? " (keys with a temporary table)" : ""));
                cases++;
                if (logged) {
                    String id = RollbackSupport.string(c, "SELECT max(rlbk_id) FROM emaj.emaj_rlbk");
                    boolean loggedAgain = rnd.nextBoolean();
                    exec("SELECT * FROM emaj." + (loggedAgain ? "emaj_logged_rollback_group" : "emaj_rollback_group")
                        + "('" + g + "', 'RLBK_" + id + "_START')");
                    check("RLBK_" + id + "_START", before, "after undoing the logged rollback " + id);
                    cases++;
                    if (rnd.nextBoolean()) {
                        // back to the target again, so that later rounds go on from the snapshots
                        exec("SELECT * FROM emaj.emaj_rollback_group('" + g + "', '" + target + "')");
                        check(target, snapshots.get(target), "after a second rollback to " + target);
                        cases++;
                    }
                }
                // marks later than the target are gone after an unlogged rollback
                snapshots.keySet().removeIf(mk -> {
                    try {
                        return !"1".equals(RollbackSupport.string(c, "SELECT count(*) FROM emaj.emaj_mark WHERE mark_group = '" + g
                            + "' AND mark_name = '" + mk + "'"));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            exec("RESET emaj.rlbk_rebuild_ratio; RESET emaj.rlbk_rebuild_min_keys; RESET emaj.rlbk_small_range");
            exec("SELECT emaj.emaj_stop_group('" + g + "'); SELECT emaj.emaj_drop_group('" + g + "'); DROP SCHEMA " + s + " CASCADE");
            return cases;
        }

        void check(String mark, Map<String, String> expected, String when) throws SQLException {
            Map<String, String> actual = RollbackSupport.snapshot(c, s);
            if (!actual.equals(expected)) {
                StringBuilder diff = new StringBuilder();
                for (String rel : expected.keySet()) {
                    if (!expected.get(rel).equals(actual.get(rel))) {
                        diff.append("\n    ").append(rel).append(": expected [").append(expected.get(rel).replace("\n", "; "))
                            .append("] but was [").append(String.valueOf(actual.get(rel)).replace("\n", "; ")).append("]");
                    }
                }
                throw new AssertionError("state differs from mark " + mark + " " + when + diff);
            }
        }

        void createSchema() throws SQLException {
            exec("CREATE SCHEMA " + s);
            exec("CREATE SEQUENCE " + s + ".seq" + (rnd.nextBoolean() ? " INCREMENT BY 3" : ""));
            // a counter table that application triggers write into
            exec("CREATE TABLE " + s + ".counter (id int PRIMARY KEY, n int NOT NULL)");
            exec("INSERT INTO " + s + ".counter VALUES (1, 0)");
            int nb = 2 + rnd.nextInt(4);
            for (int i = 0; i < nb; i++) {
                boolean composite = rnd.nextInt(3) == 0;
                String parent = (i > 0 && rnd.nextInt(3) > 0) ? tables.get(rnd.nextInt(tables.size())).name : null;
                boolean identity = rnd.nextInt(4) == 0;
                Table t = new Table("t" + i, composite, parent, identity);
                StringBuilder ddl = new StringBuilder("CREATE TABLE " + s + "." + t.name + " (id int NOT NULL, ");
                if (composite) {
                    ddl.append("k2 text NOT NULL, ");
                }
                ddl.append("v text, num int, twice int GENERATED ALWAYS AS (num * 2) STORED, ");
                if (identity) {
                    ddl.append("ident bigint GENERATED ALWAYS AS IDENTITY, ");
                }
                if (parent != null) {
                    Table p = tables.stream().filter(x -> x.name.equals(parent)).findFirst().orElseThrow();
                    ddl.append("pid int, ");
                    if (p.composite) {
                        ddl.append("pk2 text, ");
                    }
                }
                ddl.append("PRIMARY KEY (id").append(composite ? ", k2" : "").append(")");
                if (parent != null) {
                    Table p = tables.stream().filter(x -> x.name.equals(parent)).findFirst().orElseThrow();
                    String action = switch (rnd.nextInt(3)) {
                        case 0 -> " ON DELETE CASCADE ON UPDATE CASCADE";
                        case 1 -> " ON DELETE SET NULL ON UPDATE CASCADE";
                        default -> " ON UPDATE CASCADE ON DELETE CASCADE DEFERRABLE";
                    };
                    ddl.append(", FOREIGN KEY (pid").append(p.composite ? ", pk2" : "").append(") REFERENCES ")
                        .append(s).append(".").append(p.name).append(action);
                }
                ddl.append(")");
                exec(ddl.toString());
                if (!composite && rnd.nextInt(4) == 0) {
                    // a self reference
                    exec("ALTER TABLE " + s + "." + t.name + " ADD COLUMN self int REFERENCES " + s + "." + t.name
                        + " ON DELETE SET NULL ON UPDATE CASCADE");
                }
                tables.add(t);
                if (rnd.nextInt(3) == 0) {
                    // an application trigger writing into the group, and one changing the row
                    exec("CREATE FUNCTION " + s + ".count_" + t.name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " UPDATE " + s + ".counter SET n = n + 1 WHERE id = 1; RETURN NULL; END $$");
                    exec("CREATE TRIGGER count_trg AFTER INSERT OR DELETE ON " + s + "." + t.name
                        + " FOR EACH ROW EXECUTE FUNCTION " + s + ".count_" + t.name + "()");
                    exec("CREATE FUNCTION " + s + ".upper_" + t.name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " NEW.v := upper(NEW.v); RETURN NEW; END $$");
                    exec("CREATE TRIGGER upper_trg BEFORE INSERT OR UPDATE ON " + s + "." + t.name
                        + " FOR EACH ROW EXECUTE FUNCTION " + s + ".upper_" + t.name + "()");
                    if (rnd.nextBoolean()) {
                        exec("ALTER TABLE " + s + "." + t.name + " ENABLE ALWAYS TRIGGER upper_trg");
                    }
                }
                randomInserts(t, 3 + rnd.nextInt(10));
            }
            exec("SELECT emaj.emaj_create_group('" + g + "')");
            exec("SELECT emaj.emaj_assign_tables('" + s + "', '.*', '', '" + g + "')");
            exec("SELECT emaj.emaj_assign_sequence('" + s + "', 'seq', '" + g + "')");
        }

        void randomChanges(int count) throws SQLException {
            for (int i = 0; i < count; i++) {
                Table t = tables.get(rnd.nextInt(tables.size()));
                String tn = s + "." + t.name;
                stmtNo++;
                switch (rnd.nextInt(11)) {
                    case 0, 1 -> randomInserts(t, 1 + rnd.nextInt(5));
                    case 2 -> exec("UPDATE " + tn + " SET v = 'u" + stmtNo + "', num = coalesce(num, 0) + 1 WHERE id % 3 = " + rnd.nextInt(3));
                    case 3 -> {
                        // key updates to fresh keys (unique per statement, never in the 1..60 insert range)
                        String key = t.composite ? "t.id = m.id AND t.k2 = m.k2" : "t.id = m.id";
                        exec("UPDATE " + tn + " t SET id = m.newid FROM (SELECT id" + (t.composite ? ", k2" : "")
                            + ", 100000 + " + (1000 * stmtNo) + " + row_number() OVER (ORDER BY id) AS newid FROM " + tn
                            + " WHERE id % 4 = " + rnd.nextInt(4) + ") m WHERE " + key);
                    }
                    case 4 -> exec("DELETE FROM " + tn + " WHERE id % 5 = " + rnd.nextInt(5));
                    case 5 -> exec("DELETE FROM " + tn + " WHERE id IN (SELECT id FROM " + tn + " ORDER BY id LIMIT 1)");
                    case 6 -> {
                        if (rnd.nextInt(3) == 0) {
                            exec("TRUNCATE " + tn + " CASCADE");
                        } else {
                            exec("UPDATE " + tn + " SET num = NULL WHERE id % 2 = 0");
                        }
                    }
                    case 7 -> exec("SELECT nextval('" + s + ".seq') FROM generate_series(1, " + (1 + rnd.nextInt(4)) + ")");
                    case 8 -> {
                        if (rnd.nextInt(4) == 0) {
                            exec("ALTER SEQUENCE " + s + ".seq INCREMENT BY " + (1 + rnd.nextInt(5)));
                        } else {
                            exec("SELECT setval('" + s + ".seq', " + (1 + rnd.nextInt(500)) + ", " + rnd.nextBoolean() + ")");
                        }
                    }
                    case 9 -> upsert(t);
                    default -> {
                        // a multi-statement transaction touching the same keys several times
                        exec("BEGIN");
                        randomInserts(t, 2);
                        exec("UPDATE " + tn + " SET v = 'tx" + stmtNo + "' WHERE id % 2 = 1");
                        exec("DELETE FROM " + tn + " WHERE id % 7 = 3");
                        exec("COMMIT");
                    }
                }
            }
        }

        void randomInserts(Table t, int rows) throws SQLException {
            for (int r = 0; r < rows; r++) {
                int id = 1 + rnd.nextInt(60);
                StringBuilder cols = new StringBuilder("id");
                StringBuilder vals = new StringBuilder(String.valueOf(id));
                if (t.composite) {
                    cols.append(", k2");
                    vals.append(", '").append((char) ('a' + rnd.nextInt(3))).append("'");
                }
                cols.append(", v, num");
                vals.append(", 'i").append(stmtNo).append("_").append(r).append("', ").append(rnd.nextInt(100));
                if (t.parent != null) {
                    Table p = tables.stream().filter(x -> x.name.equals(t.parent)).findFirst().orElseThrow();
                    String pick = "(SELECT %s FROM " + s + "." + p.name + " ORDER BY id" + (p.composite ? ", k2" : "")
                        + " OFFSET " + rnd.nextInt(50) + " %% greatest((SELECT count(*) FROM " + s + "." + p.name + "), 1) LIMIT 1)";
                    cols.append(", pid");
                    vals.append(", ").append(String.format(pick, "id"));
                    if (p.composite) {
                        cols.append(", pk2");
                        vals.append(", ").append(String.format(pick, "k2"));
                    }
                }
                exec("INSERT INTO " + s + "." + t.name + " (" + cols + ") VALUES (" + vals + ") ON CONFLICT DO NOTHING");
            }
        }

        void upsert(Table t) throws SQLException {
            int id = 1 + rnd.nextInt(60);
            String key = t.composite ? "(id, k2)" : "(id)";
            exec("INSERT INTO " + s + "." + t.name + " (id" + (t.composite ? ", k2" : "") + ", v, num) VALUES (" + id
                + (t.composite ? ", 'a'" : "") + ", 'up" + stmtNo + "', " + rnd.nextInt(9) + ") ON CONFLICT " + key
                + " DO UPDATE SET v = excluded.v, num = excluded.num");
        }

        void exec(String sql) throws SQLException {
            journal.add(sql);
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
    }
}
