package org.emajshell.emaj;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The E-Maj SQL API as Java methods: one method per E-Maj function, every argument a bind
 * parameter. Nothing else in the shell speaks SQL to E-Maj, and this class reads only the
 * catalog tables that emaj-api.md documents (emaj_group, emaj_mark, emaj_time_stamp, ...), so it
 * works the same against our extension and an upstream E-Maj.
 */
public final class EmajClient {

    private final Connection connection;

    public EmajClient(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    // ---------------------------------------------------------------- installation facts

    public EmajInfo info() throws EmajError {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(
                 "SELECT e.extversion, coalesce(obj_description(e.oid, 'pg_extension') LIKE '%emaj-shell%', false),"
                     + " current_setting('server_version'), current_database(),"
                     + " to_regnamespace('emaj') IS NOT NULL"
                     + " FROM (SELECT 1) AS one LEFT JOIN pg_extension e ON e.extname = 'emaj'")) {
            rs.next();
            String version = rs.getString(1);
            boolean own = rs.getBoolean(2);
            if (version == null && rs.getBoolean(5)) {
                version = scriptInstalledVersion();
                own = version != null && version.startsWith("0.");
            }
            return new EmajInfo(version, own, rs.getString(3), rs.getString(4));
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
    }

    /** Version of an emaj installed as a plain script (no pg_extension row). */
    private String scriptInstalledVersion() {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT emaj.emaj_get_version()")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- groups

    public int createGroup(String group, boolean rollbackable, String comment) throws EmajError {
        return callInt("emaj_create_group", "SELECT emaj.emaj_create_group(?, ?, ?)", group, rollbackable, comment);
    }

    public int dropGroup(String group) throws EmajError {
        return callInt("emaj_drop_group", "SELECT emaj.emaj_drop_group(?)", group);
    }

    public int forceDropGroup(String group) throws EmajError {
        return callInt("emaj_force_drop_group", "SELECT emaj.emaj_force_drop_group(?)", group);
    }

    public boolean groupExists(String group) throws EmajError {
        return callBoolean("emaj_does_exist_group", "SELECT emaj.emaj_does_exist_group(?)", group);
    }

    public int assignTables(String schema, List<String> tables, String group, String propertiesJson, String mark)
        throws EmajError {
        return callInt("emaj_assign_tables", "SELECT emaj.emaj_assign_tables(?, ?, ?, ?::jsonb, ?)",
            schema, textArray(tables), group, propertiesJson, mark);
    }

    public int assignTables(String schema, String include, String exclude, String group, String propertiesJson,
                            String mark) throws EmajError {
        return callInt("emaj_assign_tables", "SELECT emaj.emaj_assign_tables(?, ?, ?, ?, ?::jsonb, ?)",
            schema, include, exclude, group, propertiesJson, mark);
    }

    public int assignSequences(String schema, List<String> sequences, String group, String mark) throws EmajError {
        return callInt("emaj_assign_sequences", "SELECT emaj.emaj_assign_sequences(?, ?, ?, ?)",
            schema, textArray(sequences), group, mark);
    }

    public int assignSequences(String schema, String include, String exclude, String group, String mark)
        throws EmajError {
        return callInt("emaj_assign_sequences", "SELECT emaj.emaj_assign_sequences(?, ?, ?, ?, ?)",
            schema, include, exclude, group, mark);
    }

    // ---------------------------------------------------------------- life cycle

    public int startGroups(List<String> groups, String mark, boolean resetLogs) throws EmajError {
        return callInt("emaj_start_groups", "SELECT emaj.emaj_start_groups(?, ?, ?)",
            textArray(groups), mark, resetLogs);
    }

    public int stopGroups(List<String> groups, String mark) throws EmajError {
        return callInt("emaj_stop_groups", "SELECT emaj.emaj_stop_groups(?, ?)",
            textArray(groups), mark);
    }

    public int forceStopGroup(String group) throws EmajError {
        return callInt("emaj_force_stop_group", "SELECT emaj.emaj_force_stop_group(?)", group);
    }

    // ---------------------------------------------------------------- marks
    // (A NULL mark name makes E-Maj choose its default name, such as 'MARK_%' or 'START_%'.)

    public int setMark(List<String> groups, String mark, String comment) throws EmajError {
        return callInt("emaj_set_mark_groups", "SELECT emaj.emaj_set_mark_groups(?, ?, ?)",
            textArray(groups), mark, comment);
    }

    // ---------------------------------------------------------------- rollback

    public List<RollbackMessage> rollback(List<String> groups, String mark, boolean logged, boolean allowAlter,
                                          String comment) throws EmajError {
        String function = (logged ? "emaj_logged_rollback_group" : "emaj_rollback_group") + (groups.size() > 1 ? "s" : "");
        Object groupArg = groups.size() > 1 ? textArray(groups) : groups.get(0);
        String sql = "SELECT rlbk_severity, rlbk_message FROM emaj." + function + "(?, ?, ?, ?)";
        return call(function, sql, rs -> {
            List<RollbackMessage> messages = new ArrayList<>();
            while (rs.next()) {
                messages.add(new RollbackMessage(rs.getString(1), rs.getString(2)));
            }
            return messages;
        }, groupArg, mark, allowAlter, comment);
    }

    public Duration estimateRollback(List<String> groups, String mark, boolean logged) throws EmajError {
        String sql = "SELECT extract(epoch FROM emaj.emaj_estimate_rollback_groups(?, ?, ?))";
        return call("emaj_estimate_rollback_groups", sql, rs -> {
            rs.next();
            double seconds = rs.getDouble(1);
            return rs.wasNull() ? null : Duration.ofNanos((long) (seconds * 1e9));
        }, textArray(groups), mark, logged);
    }

    // ---------------------------------------------------------------- catalog reads

    public List<GroupSummary> groups() throws EmajError {
        String sql = "SELECT g.group_name, g.group_is_rollbackable, g.group_is_logging, g.group_is_rlbk_protected,"
            + " g.group_nb_table, g.group_nb_sequence,"
            + " (SELECT count(*) FROM emaj.emaj_mark m WHERE m.mark_group = g.group_name)::int,"
            + " g.group_comment"
            + " FROM emaj.emaj_group g ORDER BY g.group_name";
        List<GroupSummary> rows = call("emaj_group", sql, rs -> {
            List<GroupSummary> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new GroupSummary(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                    rs.getInt(5), rs.getInt(6), rs.getInt(7), null, rs.getString(8)));
            }
            return list;
        });
        List<GroupSummary> result = new ArrayList<>(rows.size());
        for (GroupSummary g : rows) {
            Long changes = g.marks() > 0 ? changesSince(g.name(), "EMAJ_LAST_MARK") : null;
            result.add(new GroupSummary(g.name(), g.rollbackable(), g.logging(), g.protectedAgainstRollback(),
                g.tables(), g.sequences(), g.marks(), changes, g.comment()));
        }
        return result;
    }

    /** The marks of a group, oldest first. */
    public List<MarkInfo> marks(String group) throws EmajError {
        String sql = "SELECT m.mark_name, t.time_clock_timestamp, m.mark_is_rlbk_protected,"
            + " m.mark_log_rows_before_next, m.mark_comment"
            + " FROM emaj.emaj_mark m JOIN emaj.emaj_time_stamp t ON t.time_id = m.mark_time_id"
            + " WHERE m.mark_group = ? ORDER BY m.mark_time_id, m.mark_name";
        return call("emaj_mark", sql, rs -> {
            List<MarkInfo> list = new ArrayList<>();
            while (rs.next()) {
                long rows = rs.getLong(4);
                Long changes = rs.wasNull() ? null : rows;
                list.add(new MarkInfo(group, rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getBoolean(3),
                    changes, rs.getString(5)));
            }
            return list;
        }, group);
    }

    /** Estimated number of row changes recorded since a mark (emaj_log_stat_group, no log scan). */
    public long changesSince(String group, String mark) throws EmajError {
        return call("emaj_log_stat_group",
            "SELECT coalesce(sum(stat_rows), 0) FROM emaj.emaj_log_stat_group(?, ?, NULL)",
            rs -> {
                rs.next();
                return rs.getLong(1);
            }, group, mark);
    }

    /** Per-table change counts between two marks (a NULL last mark means now), without log scans. */
    public List<TableChanges> logStat(List<String> groups, String firstMark, String lastMark) throws EmajError {
        String sql = "SELECT stat_group, stat_schema, stat_table, stat_rows"
            + " FROM emaj.emaj_log_stat_groups(?, ?, ?) ORDER BY stat_group, stat_schema, stat_table";
        return call("emaj_log_stat_groups", sql, rs -> {
            List<TableChanges> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new TableChanges(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
            return list;
        }, textArray(groups), firstMark, lastMark);
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T call(String function, String sql, ResultReader<T> reader, Object... args) throws EmajError {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            if (EmajError.isUndefinedFunction(e, function)) {
                throw EmajError.unsupported(function, scriptInstalledVersion(), e);
            }
            throw EmajError.of(e);
        }
    }

    private int callInt(String function, String sql, Object... args) throws EmajError {
        return call(function, sql, rs -> rs.next() ? rs.getInt(1) : 0, args);
    }

    private boolean callBoolean(String function, String sql, Object... args) throws EmajError {
        return call(function, sql, rs -> rs.next() && rs.getBoolean(1), args);
    }

    private void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            int index = i + 1;
            if (arg == null) {
                ps.setNull(index, Types.VARCHAR);
            } else if (arg instanceof String s) {
                ps.setString(index, s);
            } else if (arg instanceof Boolean b) {
                ps.setBoolean(index, b);
            } else if (arg instanceof Integer n) {
                ps.setInt(index, n);
            } else if (arg instanceof TextArray a) {
                Array array = connection.createArrayOf("text", a.values().toArray());
                ps.setArray(index, array);
            } else {
                throw new IllegalArgumentException("unsupported argument type " + arg.getClass());
            }
        }
    }

    private record TextArray(List<String> values) {
    }

    private static TextArray textArray(List<String> values) {
        return new TextArray(List.copyOf(values));
    }

}
