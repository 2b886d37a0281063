package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the rollback tests: contents snapshots and rollback calls. */
final class RollbackSupport {

    private RollbackSupport() {
    }

    /**
     * The content of every table (rows as text, sorted) and the state of every sequence
     * of the schema assigned to a group (last_value, is_called and properties), keyed by relation name.
     */
    static Map<String, String> snapshot(Connection c, String schema) throws SQLException {
        Map<String, String> snap = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname, relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                 + " WHERE nspname = '" + schema + "' AND (relkind = 'r' OR relkind = 'S' AND EXISTS (SELECT 1 FROM emaj.emaj_relation"
                 + "   WHERE rel_schema = nspname AND rel_tblseq = relname AND upper_inf(rel_time_range))) ORDER BY relname")) {
            while (rs.next()) {
                (rs.getString(2).equals("r") ? tables : sequences).add(rs.getString(1));
            }
        }
        for (String t : tables) {
            snap.put(t, string(c, "SELECT coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '') FROM "
                + q(schema) + "." + q(t) + " x"));
        }
        for (String s : sequences) {
            snap.put(s, string(c, "SELECT s.last_value || ':' || s.is_called || ':' || p.increment_by || ':' || p.min_value"
                + " || ':' || p.max_value || ':' || p.cache_size || ':' || p.cycle FROM " + q(schema) + "." + q(s)
                + " s, pg_sequences p WHERE p.schemaname = '" + schema + "' AND p.sequencename = '" + s + "'"));
        }
        return snap;
    }

    static Map<String, String> snapshot(EmajDatabase db, String schema) {
        try {
            return snapshot(db.connection(), schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything a failed rollback must leave untouched, beyond the tables: marks, logs, holes. */
    static List<List<String>> emajState(EmajDatabase db) {
        List<List<String>> state = new ArrayList<>();
        state.addAll(db.queryForRows("SELECT mark_group, mark_name, mark_time_id::text, coalesce(mark_logged_rlbk_target_mark, '')"
            + " FROM emaj.emaj_mark ORDER BY 1, 2"));
        state.addAll(db.queryForRows("SELECT sqhl_schema, sqhl_table, sqhl_hole_size::text FROM emaj.emaj_seq_hole ORDER BY 1, 2, 3"));
        for (List<String> rel : db.queryForRows("SELECT rel_log_schema, rel_log_table FROM emaj.emaj_relation"
            + " WHERE rel_kind = 'r' ORDER BY 1, 2")) {
            state.add(List.of(rel.get(1), db.queryForString("SELECT count(*) || '/' || coalesce(max(emaj_gid), 0) FROM "
                + q(rel.get(0)) + "." + q(rel.get(1)))));
        }
        state.add(List.of("triggers", db.queryForString("SELECT string_agg(tgrelid::regclass || '.' || tgname || '=' || tgenabled::text, ',' ORDER BY 1)"
            + " FROM pg_trigger WHERE NOT tgisinternal")));
        return state;
    }

    static String string(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Rows of a rollback function call, as "severity: message". */
    static List<String> rollback(EmajDatabase db, String call) {
        return db.queryForRows("SELECT * FROM emaj." + call).stream().map(r -> r.get(0) + ": " + r.get(1)).toList();
    }

    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
