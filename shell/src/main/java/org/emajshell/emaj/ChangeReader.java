package org.emajshell.emaj;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the row changes recorded in the log tables of a group between two marks, for SHOW CHANGES,
 * through the E-Maj API: the log table of each table comes from {@code emaj_get_current_log_table},
 * the marks' positions in the stream of changes from {@code emaj_time_stamp.time_last_emaj_gid}.
 *
 * <p>Rows stream through server-side cursors ({@value #FETCH} at a time), inside one read-only
 * transaction (its own, or the user's if one is open), so that counts and rows agree and no log is
 * ever read whole into memory. Log rows: INSERT gives a NEW image, DELETE an OLD one, UPDATE an
 * OLD and a NEW image with the same emaj_gid, TRUNCATE a marker row then an OLD image per row.
 */
public final class ChangeReader {

    /** Rows per FETCH. */
    static final int FETCH = 1000;

    /** How changes of the same row are shown: each one, or one net change per primary key. */
    public enum Mode {
        /** Every change in order. */
        ALL,
        /** One change per key from its first to its last image; keys that end as they started stay. */
        PARTIAL,
        /** Like PARTIAL, without the keys that end as they started (or never existed at either end). */
        FULL
    }

    /** What happened to a row. */
    public enum Kind { INSERT, DELETE, UPDATE, TRUNCATE, UNCHANGED, TRANSIENT }

    /** The range of changes: after {@code since}'s position, up to {@code until}'s (or now). */
    public record Range(String group, String since, long sinceGid, OffsetDateTime sinceTime,
                        String until, Long untilGid, OffsetDateTime untilTime) {
    }

    /**
     * A table of the group and its log table: the application columns (names, and whether each is
     * a number), and the positions of its primary key columns among them.
     */
    public record LogTable(String schema, String table, String logSchema, String logTable, List<String> columns,
                           List<Boolean> numeric, List<Integer> key) {
        public String qualifiedName() {
            return schema + "." + table;
        }
    }

    /** One change: the row before and after (null when it did not exist), column values as text. */
    public record Change(Kind kind, List<String> before, List<String> after) {
    }

    /** The changes of one table, read as they are needed. */
    public interface Changes {
        /** The next change, or null at the end. */
        Change next() throws EmajError;
    }

    private final Connection connection;
    private boolean ownTransaction;
    private int cursors;

    public ChangeReader(Connection connection) {
        this.connection = connection;
    }

    // ------------------------------------------------------------------------------ transaction

    /** Starts the read: a REPEATABLE READ, READ ONLY transaction of its own when none is open. */
    public void begin() throws EmajError {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
        ownTransaction = transactionState() == TransactionState.IDLE && autoCommit;
        if (ownTransaction) {
            execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        }
    }

    /** Ends the read: closes the transaction it opened (a read-only one: nothing to keep). */
    public void end() {
        try {
            if (ownTransaction) {
                execute(transactionState() == TransactionState.FAILED ? "ROLLBACK" : "COMMIT");
            }
        } catch (EmajError ignored) {
            // the read is over; an error here has nothing left to spoil
        } finally {
            ownTransaction = false;
        }
    }

    // ------------------------------------------------------------------------------ range and tables

    /** Where the marks are in the stream of changes; {@code until} null means now. */
    public Range range(String group, String since, String until) throws EmajError {
        Object[] first = mark(group, since);
        Object[] last = until == null ? null : mark(group, until);
        if (first == null) {
            throw new EmajError("P0001", "the mark \"" + since + "\" does not exist for the group \"" + group + "\"",
                null, null, null);
        }
        if (until != null && last == null) {
            throw new EmajError("P0001", "the mark \"" + until + "\" does not exist for the group \"" + group + "\"",
                null, null, null);
        }
        Range r = new Range(group, (String) first[0], (Long) first[1], (OffsetDateTime) first[2],
            last == null ? null : (String) last[0], last == null ? null : (Long) last[1],
            last == null ? null : (OffsetDateTime) last[2]);
        if (r.untilGid() != null && r.untilGid() < r.sinceGid()) {
            throw new EmajError("P0001", "the mark \"" + r.until() + "\" is set before the mark \"" + r.since() + "\"",
                null, null, null);
        }
        return r;
    }

    /** {name, time_last_emaj_gid, clock time} of a mark ('EMAJ_LAST_MARK' is the latest), or null. */
    private Object[] mark(String group, String mark) throws EmajError {
        String sql = "SELECT m.mark_name, t.time_last_emaj_gid, t.time_clock_timestamp"
            + " FROM emaj.emaj_mark m JOIN emaj.emaj_time_stamp t ON t.time_id = m.mark_time_id"
            + " WHERE m.mark_group = ? AND (m.mark_name = ? OR (? = 'EMAJ_LAST_MARK' AND m.mark_time_id ="
            + " (SELECT max(mark_time_id) FROM emaj.emaj_mark WHERE mark_group = ?)))"
            + " ORDER BY m.mark_time_id DESC LIMIT 1";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, group);
            ps.setString(2, mark);
            ps.setString(3, mark);
            ps.setString(4, group);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Object[] {rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)};
            }
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
    }

    /**
     * The tables of the group with their log tables, by schema and name; with {@code table}, only
     * that one ({@code schema} null: any schema).
     */
    public List<LogTable> tables(String group, String schema, String table) throws EmajError {
        String sql = "SELECT r.rel_schema, r.rel_tblseq, l.log_schema, l.log_table"
            + " FROM emaj.emaj_relation r, LATERAL emaj.emaj_get_current_log_table(r.rel_schema, r.rel_tblseq) l"
            + " WHERE r.rel_group = ? AND r.rel_kind = 'r' AND upper_inf(r.rel_time_range)"
            + " AND (?::text IS NULL OR r.rel_tblseq = ?) AND (?::text IS NULL OR r.rel_schema = ?)"
            + " ORDER BY r.rel_schema, r.rel_tblseq";
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, group);
            ps.setString(2, table);
            ps.setString(3, table);
            ps.setString(4, schema);
            ps.setString(5, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        } catch (SQLException e) {
            if (EmajError.isUndefinedFunction(e, "emaj_get_current_log_table")) {
                throw EmajError.unsupported("emaj_get_current_log_table", null, e);
            }
            throw EmajError.of(e);
        }
        List<LogTable> tables = new ArrayList<>();
        for (String[] f : found) {
            if (f[2] != null) {
                tables.add(describe(f[0], f[1], f[2], f[3]));
            }
        }
        return tables;
    }

    /** The application columns of a log table (those before emaj_verb) and the table's primary key. */
    private LogTable describe(String schema, String table, String logSchema, String logTable) throws EmajError {
        String sql = "SELECT a.attname, t.typcategory = 'N'"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " WHERE a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass AND a.attnum > 0"
            + " AND NOT a.attisdropped AND a.attnum < (SELECT b.attnum FROM pg_catalog.pg_attribute b"
            + "   WHERE b.attrelid = a.attrelid AND b.attname = 'emaj_verb')"
            + " ORDER BY a.attnum";
        String keySql = "SELECT a.attname FROM pg_catalog.pg_index i"
            + " JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass AND i.indisprimary"
            + " ORDER BY k.n";
        List<String> columns = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        List<Integer> key = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql);
             PreparedStatement pk = connection.prepareStatement(keySql)) {
            ps.setString(1, logSchema);
            ps.setString(2, logTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    numeric.add(rs.getBoolean(2));
                }
            }
            pk.setString(1, schema);
            pk.setString(2, table);
            try (ResultSet rs = pk.executeQuery()) {
                while (rs.next()) {
                    int at = columns.indexOf(rs.getString(1));
                    if (at >= 0) {
                        key.add(at);
                    }
                }
            }
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
        return new LogTable(schema, table, logSchema, logTable, columns, numeric, key);
    }

    // ------------------------------------------------------------------------------ counts and changes

    /**
     * How many changes of each kind the table has in the range (and, with a predicate, among the
     * rows it selects); kinds without changes are left out.
     */
    public Map<Kind, Long> counts(LogTable t, Range r, Mode mode, String where) throws EmajError {
        Query q = mode == Mode.ALL ? allCounts(t, r, where) : netQuery(t, r, mode, where, true);
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        try (PreparedStatement ps = connection.prepareStatement(q.sql)) {
            q.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(kind(rs.getString(1)), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
        return counts;
    }

    /** The changes of a table in the range, streamed; at most {@code limit} when it is not null. */
    public Changes changes(LogTable t, Range r, Mode mode, String where, Long limit) throws EmajError {
        Query q = mode == Mode.ALL ? allRows(t, r, where, limit) : netQuery(t, r, mode, where, false);
        if (mode != Mode.ALL && limit != null) {
            q = new Query(q.sql + " LIMIT " + limit, q.args);
        }
        String cursor = "emaj_shell_changes_" + (++cursors);
        Statement fetcher;
        ResultSet first;
        try (PreparedStatement declare = connection.prepareStatement("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + q.sql)) {
            q.bind(declare);
            declare.execute();
            fetcher = connection.createStatement();
            first = fetcher.executeQuery("FETCH FORWARD " + FETCH + " FROM " + cursor);
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
        int n = t.columns().size();
        return mode == Mode.ALL ? new AllChanges(fetcher, first, cursor, n) : new NetChanges(fetcher, first, cursor, n);
    }

    /** A query with its bind arguments. */
    private record Query(String sql, List<Object> args) {
        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a == null) {
                    ps.setNull(i + 1, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(i + 1, (Long) a);
                }
            }
        }
    }

    /** {@code emaj_gid > $since AND ($until IS NULL OR emaj_gid <= $until)} on the alias. */
    private static String range(String alias, List<Object> args, Range r) {
        args.add(r.sinceGid());
        String sql = alias + "emaj_gid > ?";
        if (r.untilGid() != null) {
            args.add(r.untilGid());
            sql += " AND " + alias + "emaj_gid <= ?";
        }
        return sql;
    }

    private static String log(LogTable t) {
        return ident(t.logSchema()) + "." + ident(t.logTable());
    }

    private static String columnList(LogTable t, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String c : t.columns()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(prefix).append(ident(c));
        }
        return sb.toString();
    }

    private static String keyList(LogTable t, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int k : t.key()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(prefix).append(ident(t.columns().get(k)));
        }
        return sb.toString();
    }

    /** The updates' gids (or keys) that the user's predicate selects in the range. */
    private static String predicate(LogTable t, Range r, String where, List<Object> args, boolean byKey) {
        if (where == null) {
            return "";
        }
        String selected = byKey ? "(" + keyList(t, "l.") + ")" : "l.emaj_gid";
        String inner = byKey ? keyList(t, "") : "emaj_gid";
        return " AND " + selected + " IN (SELECT " + inner + " FROM " + log(t) + " WHERE " + range("", args, r)
            + " AND emaj_tuple <> '' AND (" + where + "))";
    }

    private Query allCounts(LogTable t, Range r, String where) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT CASE l.emaj_verb WHEN 'INS' THEN 'INSERT' WHEN 'DEL' THEN 'DELETE' WHEN 'UPD' THEN 'UPDATE'"
            + " ELSE 'TRUNCATE' END, count(*) FROM " + log(t) + " l WHERE " + range("l.", args, r)
            + " AND l.emaj_tuple = CASE l.emaj_verb WHEN 'INS' THEN 'NEW' ELSE 'OLD' END"
            + predicate(t, r, where, args, false) + " GROUP BY 1";
        return new Query(sql, args);
    }

    private Query allRows(LogTable t, Range r, String where, Long limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT l.emaj_verb, l.emaj_tuple, l.emaj_gid, " + columnList(t, "l.") + " FROM " + log(t) + " l"
            + " WHERE " + range("l.", args, r) + " AND l.emaj_tuple <> ''" + predicate(t, r, where, args, false);
        if (limit != null) {
            // An update takes two rows: keep the gids of the first changes, whole.
            List<Object> inner = new ArrayList<>();
            sql += " AND l.emaj_gid IN (SELECT g.emaj_gid FROM " + log(t) + " g WHERE " + range("g.", inner, r)
                + " AND g.emaj_tuple = CASE g.emaj_verb WHEN 'INS' THEN 'NEW' ELSE 'OLD' END"
                + predicate(t, r, where, inner, false).replace(" l.emaj_gid IN", " g.emaj_gid IN")
                + " ORDER BY g.emaj_gid LIMIT " + limit + ")";
            args.addAll(inner);
        }
        sql += " ORDER BY l.emaj_gid, l.emaj_tuple DESC";
        return new Query(sql, args);
    }

    /**
     * One net change per primary key: its first image in the range (an OLD image: the row existed
     * at the start) and its last one (a NEW image: it exists at the end). Row values compare as text.
     */
    private Query netQuery(LogTable t, Range r, Mode mode, String where, boolean count) throws EmajError {
        if (t.key().isEmpty()) {
            throw new EmajError("0A000", "the table " + t.qualifiedName() + " has no primary key: its changes cannot be"
                + " consolidated", null, "leave CONSOLIDATED out to see every change", null);
        }
        List<Object> args = new ArrayList<>();
        String cols = columnList(t, "");
        String key = keyList(t, "");
        StringBuilder pairs = new StringBuilder();
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        StringBuilder keyJoin = new StringBuilder();
        for (int i = 0; i < t.columns().size(); i++) {
            String c = ident(t.columns().get(i));
            before.append(", f.").append(c).append(" AS emaj_b").append(i);
            after.append(", z.").append(c).append(" AS emaj_a").append(i);
            pairs.append(i == 0 ? "" : ", ").append("f.").append(c).append("::text");
        }
        StringBuilder lastPairs = new StringBuilder();
        for (int i = 0; i < t.columns().size(); i++) {
            lastPairs.append(i == 0 ? "" : ", ").append("z.").append(ident(t.columns().get(i))).append("::text");
        }
        for (int k = 0; k < t.key().size(); k++) {
            String c = ident(t.columns().get(t.key().get(k)));
            keyJoin.append(k == 0 ? "" : " AND ").append("f.").append(c).append(" = z.").append(c);
        }
        String rangeRows = "SELECT " + cols + ", l.emaj_gid, l.emaj_tuple, l.emaj_verb FROM " + log(t) + " l WHERE "
            + range("l.", args, r) + " AND l.emaj_tuple <> ''" + predicate(t, r, where, args, true);
        String kind = "CASE WHEN f.emaj_tuple = 'OLD' AND z.emaj_tuple = 'NEW' THEN"
            + " CASE WHEN ROW(" + pairs + ") IS NOT DISTINCT FROM ROW(" + lastPairs + ") THEN 'UNCHANGED' ELSE 'UPDATE' END"
            + " WHEN f.emaj_tuple = 'OLD' THEN CASE WHEN z.emaj_verb = 'TRU' THEN 'TRUNCATE' ELSE 'DELETE' END"
            + " WHEN z.emaj_tuple = 'NEW' THEN 'INSERT' ELSE 'TRANSIENT' END";
        String sql = "WITH emaj_r AS (" + rangeRows + "),"
            + " emaj_f AS (SELECT DISTINCT ON (" + key + ") * FROM emaj_r ORDER BY " + key + ", emaj_gid, emaj_tuple DESC),"
            + " emaj_z AS (SELECT DISTINCT ON (" + key + ") * FROM emaj_r ORDER BY " + key + ", emaj_gid DESC, emaj_tuple),"
            + " emaj_k AS (SELECT " + kind + " AS emaj_kind, f.emaj_gid AS emaj_first_gid" + before + after
            + " FROM emaj_f f JOIN emaj_z z ON " + keyJoin + ")";
        String filter = mode == Mode.FULL ? " WHERE emaj_kind NOT IN ('UNCHANGED', 'TRANSIENT')" : "";
        if (count) {
            sql += " SELECT emaj_kind, count(*) FROM emaj_k" + filter + " GROUP BY 1";
        } else {
            // The key's first image orders the rows (its last one for rows inserted in the range).
            StringBuilder orderKey = new StringBuilder();
            for (int k = 0; k < t.key().size(); k++) {
                int i = t.key().get(k);
                orderKey.append(k == 0 ? "" : ", ").append("coalesce(emaj_b").append(i).append(", emaj_a").append(i).append(")");
            }
            sql += " SELECT * FROM emaj_k" + filter + " ORDER BY " + orderKey;
        }
        return new Query(sql, args);
    }

    private static Kind kind(String name) {
        return Kind.valueOf(name);
    }

    /** A cursor's batches. */
    private abstract static class Batches implements Changes {
        private final Statement fetcher;
        private final String cursor;
        protected ResultSet rs;
        private int inBatch;
        private boolean done;

        Batches(Statement fetcher, ResultSet first, String cursor) {
            this.fetcher = fetcher;
            this.rs = first;
            this.cursor = cursor;
        }

        /** Moves to the next row; false at the end (the cursor is then closed). */
        protected boolean advance() throws EmajError {
            if (done) {
                return false;
            }
            try {
                while (!rs.next()) {
                    if (inBatch < FETCH) {
                        finish();
                        return false;
                    }
                    rs.close();
                    rs = fetcher.executeQuery("FETCH FORWARD " + FETCH + " FROM " + cursor);
                    inBatch = 0;
                }
                inBatch++;
                return true;
            } catch (SQLException e) {
                done = true;
                throw EmajError.of(e);
            }
        }

        private void finish() throws SQLException {
            done = true;
            rs.close();
            fetcher.execute("CLOSE " + cursor);
            fetcher.close();
        }

        protected List<String> values(int from, int n) throws SQLException {
            List<String> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(rs.getString(from + i));
            }
            return values;
        }
    }

    /** Every change: an update's OLD and NEW rows are merged into one change. */
    private static final class AllChanges extends Batches {
        private final int n;
        private boolean pending;

        AllChanges(Statement fetcher, ResultSet first, String cursor, int n) {
            super(fetcher, first, cursor);
            this.n = n;
        }

        @Override
        public Change next() throws EmajError {
            if (!pending && !advance()) {
                return null;
            }
            pending = false;
            try {
                String verb = rs.getString(1);
                String tuple = rs.getString(2);
                long gid = rs.getLong(3);
                List<String> values = values(4, n);
                switch (verb) {
                    case "INS":
                        return new Change(Kind.INSERT, null, values);
                    case "DEL":
                        return new Change(Kind.DELETE, values, null);
                    case "TRU":
                        return new Change(Kind.TRUNCATE, values, null);
                    default:
                        if (tuple.equals("OLD")) {
                            if (advance()) {
                                if (rs.getLong(3) == gid && rs.getString(2).equals("NEW")) {
                                    return new Change(Kind.UPDATE, values, values(4, n));
                                }
                                pending = true;
                            }
                            return new Change(Kind.UPDATE, values, null);
                        }
                        return new Change(Kind.UPDATE, null, values);
                }
            } catch (SQLException e) {
                throw EmajError.of(e);
            }
        }
    }

    /** Net changes: one row per key with its first and last images. */
    private static final class NetChanges extends Batches {
        private final int n;

        NetChanges(Statement fetcher, ResultSet first, String cursor, int n) {
            super(fetcher, first, cursor);
            this.n = n;
        }

        @Override
        public Change next() throws EmajError {
            if (!advance()) {
                return null;
            }
            try {
                Kind kind = kind(rs.getString(1));
                List<String> before = values(3, n);
                List<String> after = values(3 + n, n);
                return switch (kind) {
                    case INSERT -> new Change(kind, null, after);
                    case DELETE, TRUNCATE -> new Change(kind, before, null);
                    case TRANSIENT -> new Change(kind, null, before);
                    default -> new Change(kind, before, after);
                };
            } catch (SQLException e) {
                throw EmajError.of(e);
            }
        }
    }

    // ------------------------------------------------------------------------------ plumbing

    /** An SQL identifier, always quoted ({@code ""} doubles a quote), as quote_ident would make it safe. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private void execute(String sql) throws EmajError {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
    }

    private TransactionState transactionState() {
        if (connection instanceof BaseConnection base) {
            return base.getTransactionState();
        }
        return TransactionState.IDLE;
    }
}
