package org.emajshell.emaj;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a busy backend (the session's, while a long E-Maj function runs on it) is doing, read
 * from a second connection: the tables the function will work through, in its own order, the
 * locks it holds or waits for, the rows of its running COPY. E-Maj's functions publish no
 * progress of their own, but they take their locks table after table and keep them to the end
 * of the transaction, so the locks say how far they are.
 */
public final class BackendActivity {

    /**
     * The order in which E-Maj's functions go through the log tables:
     * _stat_bounds for the detailed statistics, _chg_relations for the replay scripts.
     */
    public enum LogOrder {
        STATISTICS(" ORDER BY s.stat_group, s.stat_schema, s.stat_table, s.stat_first_time_id"),
        SCRIPT(" ORDER BY r.rel_priority NULLS LAST, s.stat_schema, s.stat_table, s.stat_first_time_id");

        private final String orderBy;

        LogOrder(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    private final JdbcCalls calls;

    public BackendActivity(Connection connection) {
        this.calls = new JdbcCalls(connection);
    }

    /**
     * The log tables read for the changes of the groups between two marks (a null last mark
     * means now), weighed by their number of changes from emaj_log_stat_groups, which reads no
     * log table (its counts come from the log sequences).
     */
    public List<WatchedTable> logTables(List<String> groups, String firstMark, String lastMark, LogOrder order)
        throws EmajError {
        String sql = "SELECT s.stat_schema || '.' || s.stat_table, c.oid::bigint, s.stat_rows"
            + " FROM emaj.emaj_log_stat_groups(?, ?, ?) s"
            + " JOIN emaj.emaj_relation r ON r.rel_schema = s.stat_schema AND r.rel_tblseq = s.stat_table"
            + "  AND r.rel_time_range @> s.stat_first_time_id"
            + " JOIN pg_catalog.pg_namespace n ON n.nspname = r.rel_log_schema"
            + " JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.rel_log_table"
            + order.orderBy;
        return calls.query("emaj_log_stat_groups", sql, rs -> {
            List<WatchedTable> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(new WatchedTable(rs.getString(1), List.of(rs.getLong(2)), rs.getLong(3)));
            }
            return tables;
        }, new JdbcCalls.TextArray(groups), firstMark, lastMark);
    }

    /**
     * The tables of a group in the order emaj_snap_group copies them, each known by its indexes:
     * the group's tables are all locked before the first copy, but planning the copy of a table
     * locks its indexes. Weighed by the planner's row estimate (from the size when the table was
     * never analysed).
     */
    public List<WatchedTable> snapTables(String group) throws EmajError {
        String sql = "SELECT quote_ident(r.rel_schema) || '.' || quote_ident(r.rel_tblseq),"
            + " ARRAY(SELECT i.indexrelid::bigint FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid),"
            // a never analysed table has reltuples -1: about 100 bytes a row is guess enough for a weight
            + " CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint ELSE pg_catalog.pg_relation_size(c.oid) / 100 END"
            + " FROM emaj.emaj_relation r"
            + " JOIN pg_catalog.pg_namespace n ON n.nspname = r.rel_schema"
            + " JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.rel_tblseq"
            + " WHERE r.rel_group = ? AND upper_inf(r.rel_time_range) AND r.rel_kind = 'r'"
            + " ORDER BY r.rel_priority NULLS LAST, r.rel_schema, r.rel_tblseq";
        return calls.query("emaj_relation", sql, rs -> {
            List<WatchedTable> tables = new ArrayList<>();
            while (rs.next()) {
                Array indexes = rs.getArray(2);
                List<Long> oids = new ArrayList<>();
                for (Object oid : (Object[]) indexes.getArray()) {
                    oids.add(((Number) oid).longValue());
                }
                tables.add(new WatchedTable(rs.getString(1), oids, rs.getLong(3)));
            }
            return tables;
        }, group);
    }

    /** Which of these relations the backend holds a lock on, or waits for one (it has reached them). */
    public Set<Long> locked(int pid, List<Long> oids) throws EmajError {
        String sql = "SELECT DISTINCT l.relation::bigint FROM pg_catalog.pg_locks l"
            + " WHERE l.pid = ? AND l.locktype = 'relation' AND l.relation::bigint = ANY (?)";
        return calls.query("pg_locks", sql, rs -> {
            Set<Long> found = new HashSet<>();
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
            return found;
        }, pid, new JdbcCalls.LongArray(oids));
    }

    /**
     * The rows written so far by the backend's running COPY (pg_stat_progress_copy, PostgreSQL
     * 14 and later; its relid is 0 for a COPY of a query, as emaj_snap_group's are, so it does not
     * say which table); empty when no COPY runs.
     */
    public OptionalLong copiedRows(int pid) throws EmajError {
        return calls.query("pg_stat_progress_copy",
            "SELECT tuples_processed FROM pg_catalog.pg_stat_progress_copy WHERE pid = ?",
            (ResultSet rs) -> rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty(), pid);
    }
}
