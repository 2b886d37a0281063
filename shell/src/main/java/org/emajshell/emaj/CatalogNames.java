package org.emajshell.emaj;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names that completion offers, read from the catalog in a few queries and kept until
 * {@link #invalidate()} (after E-Maj commands and DDL): groups, the marks of each group, schemas,
 * and per schema its tables and sequences with the group each one belongs to. Lookups are plain
 * in-memory filters, cheap even with tens of thousands of tables.
 */
public final class CatalogNames {

    /** The E-Maj table properties (ASSIGN ... WITH (key = value), MODIFY ... SET (...)). */
    public static final List<String> PROPERTY_KEYS = List.of("priority", "log_data_tablespace", "log_index_tablespace",
        "ignored_triggers", "ignored_triggers_profiles");

    /** Which relations to offer. */
    public enum Kind { TABLE, SEQUENCE }

    /** A relation and the group it is assigned to (null when none). */
    public record Relation(String schema, String name, Kind kind, String group) {
    }

    /** Where the names come from: a connection to read them on now, or null when there is none. */
    @FunctionalInterface
    public interface Source {
        Connection connection() throws SQLException;
    }

    private record Snapshot(List<String> groups, Map<String, List<String>> marks, List<String> schemas,
                            List<String> searchPath, Map<String, List<Relation>> relations) {
    }

    private static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), List.of(), List.of(), Map.of());

    private final Source source;
    private volatile Snapshot snapshot;
    private volatile boolean stale = true;

    public CatalogNames(Source source) {
        this.source = source;
    }

    /** Forget what was read: the next lookup reads the catalog again. */
    public void invalidate() {
        stale = true;
    }

    public List<String> groups() {
        return current().groups();
    }

    /** The marks of a group, oldest first (empty for an unknown group). */
    public List<String> marks(String group) {
        return current().marks().getOrDefault(group, List.of());
    }

    /** The schemas that hold application tables or sequences (not the system's, not E-Maj's). */
    public List<String> schemas() {
        return current().schemas();
    }

    /** The schemas of the search_path, in order. */
    public List<String> searchPath() {
        return current().searchPath();
    }

    /**
     * The relations of a schema (every schema of the search_path when {@code schema} is null) of
     * the kind asked (both when null), filtered by assignment: {@code assigned} false for those in
     * no group, true for those in a group ({@code group} that one only, when not null), null for all.
     */
    public List<Relation> relations(String schema, Kind kind, Boolean assigned, String group) {
        Snapshot s = current();
        List<String> schemas = schema == null ? s.searchPath() : List.of(schema);
        List<Relation> out = new ArrayList<>();
        for (String sch : schemas) {
            for (Relation r : s.relations().getOrDefault(sch, List.of())) {
                if (kind != null && r.kind() != kind) {
                    continue;
                }
                if (assigned != null) {
                    if (assigned != (r.group() != null)) {
                        continue;
                    }
                    if (assigned && group != null && !group.equals(r.group())) {
                        continue;
                    }
                }
                out.add(r);
            }
        }
        return out;
    }

    private Snapshot current() {
        if (stale || snapshot == null) {
            Snapshot read = read();
            if (read != null) {
                snapshot = read;
                stale = false;
            } else if (snapshot == null) {
                return EMPTY;
            }
        }
        return snapshot;
    }

    /** Reads every name in four queries; null when the catalog cannot be read now. */
    private Snapshot read() {
        Connection c;
        try {
            c = source.connection();
        } catch (SQLException e) {
            return null;
        }
        if (c == null) {
            return null;
        }
        try (Statement st = c.createStatement()) {
            boolean emaj;
            List<String> searchPath = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('emaj.emaj_group') IS NOT NULL, current_schemas(false)")) {
                rs.next();
                emaj = rs.getBoolean(1);
                searchPath.addAll(Arrays.asList((String[]) rs.getArray(2).getArray()));
            }
            List<String> groups = new ArrayList<>();
            Map<String, List<String>> marks = new HashMap<>();
            if (emaj) {
                // A user without rights on E-Maj's tables still gets the schemas and tables.
                try (ResultSet rs = st.executeQuery("SELECT group_name FROM emaj.emaj_group ORDER BY group_name")) {
                    while (rs.next()) {
                        groups.add(rs.getString(1));
                    }
                    try (ResultSet m = st.executeQuery(
                        "SELECT mark_group, mark_name FROM emaj.emaj_mark ORDER BY mark_group, mark_time_id")) {
                        while (m.next()) {
                            marks.computeIfAbsent(m.getString(1), g -> new ArrayList<>()).add(m.getString(2));
                        }
                    }
                    try (ResultSet r = st.executeQuery("SELECT 1 FROM emaj.emaj_relation, emaj.emaj_schema LIMIT 0")) {
                        r.next();
                    }
                } catch (SQLException e) {
                    emaj = false;
                }
            }
            String sql = "SELECT n.nspname, c.relname, c.relkind, "
                + (emaj ? "r.rel_group" : "NULL::text")
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + (emaj ? " LEFT JOIN emaj.emaj_relation r ON r.rel_schema = n.nspname AND r.rel_tblseq = c.relname"
                    + " AND upper_inf(r.rel_time_range)" : "")
                + " WHERE c.relkind IN ('r', 'p', 'S') AND n.nspname <> 'information_schema'"
                + " AND n.nspname !~ '^pg_' AND n.nspname <> 'emaj' AND n.nspname !~ '^emaj_'"
                + (emaj ? " AND n.nspname NOT IN (SELECT sch_name FROM emaj.emaj_schema)" : "")
                + " ORDER BY n.nspname, c.relname";
            Map<String, List<Relation>> relations = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    Kind kind = "S".equals(rs.getString(3)) ? Kind.SEQUENCE : Kind.TABLE;
                    relations.computeIfAbsent(schema, x -> new ArrayList<>())
                        .add(new Relation(schema, rs.getString(2), kind, rs.getString(4)));
                }
            }
            List<String> schemas = new ArrayList<>(relations.keySet());
            relations.replaceAll((k, v) -> Collections.unmodifiableList(v));
            marks.replaceAll((k, v) -> Collections.unmodifiableList(v));
            return new Snapshot(List.copyOf(groups), marks, List.copyOf(schemas), List.copyOf(searchPath), relations);
        } catch (SQLException e) {
            return null;
        }
    }
}
