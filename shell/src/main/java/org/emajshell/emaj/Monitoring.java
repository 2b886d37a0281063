package org.emajshell.emaj;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What is going on while the shell watches: the changes being recorded (SHOW ACTIVITY) and the
 * progress of a running rollback (read from a second connection while the rollback runs).
 */
public final class Monitoring {

    private final Connection connection;
    private final JdbcCalls calls;

    public Monitoring(Connection connection) {
        this.connection = connection;
        this.calls = new JdbcCalls(connection);
    }

    /**
     * What the logging groups (or the one named) record since their last mark, from the log
     * sequences (emaj_log_stat_group, emaj_sequence_stat_group): cheap enough to repeat every second.
     */
    public Activity activity(String onlyGroup) throws EmajError {
        String sql = "SELECT g.group_name, m.mark_name, t.time_clock_timestamp,"
            + " (SELECT count(*) FROM emaj.emaj_group)::int, clock_timestamp()"
            + " FROM emaj.emaj_group g"
            + " LEFT JOIN LATERAL (SELECT mark_name, mark_time_id FROM emaj.emaj_mark WHERE mark_group = g.group_name"
            + "   ORDER BY mark_time_id DESC LIMIT 1) m ON true"
            + " LEFT JOIN emaj.emaj_time_stamp t ON t.time_id = m.mark_time_id"
            + " WHERE g.group_is_logging AND (?::text IS NULL OR g.group_name = ?) ORDER BY g.group_name";
        List<Object[]> groups = new ArrayList<>();
        int[] groupCount = {0};
        OffsetDateTime[] now = {null};
        calls.query("emaj_group", sql, rs -> {
            while (rs.next()) {
                groups.add(new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)});
                groupCount[0] = rs.getInt(4);
                now[0] = rs.getObject(5, OffsetDateTime.class);
            }
            return null;
        }, onlyGroup, onlyGroup);
        if (now[0] == null) {
            calls.query("emaj_group", "SELECT (SELECT count(*) FROM emaj.emaj_group)::int, clock_timestamp()", rs -> {
                rs.next();
                groupCount[0] = rs.getInt(1);
                now[0] = rs.getObject(2, OffsetDateTime.class);
                return null;
            });
        }
        List<Activity.Group> result = new ArrayList<>();
        for (Object[] g : groups) {
            String name = (String) g[0];
            if (g[1] == null) {
                result.add(new Activity.Group(name, null, null, List.of(), List.of()));
                continue;
            }
            List<Activity.Counter> tables = calls.query("emaj_log_stat_group",
                "SELECT stat_schema, stat_table, stat_rows FROM emaj.emaj_log_stat_group(?, 'EMAJ_LAST_MARK', NULL)"
                    + " ORDER BY stat_schema, stat_table", Monitoring::counters, name);
            List<Activity.Counter> sequences = calls.query("emaj_sequence_stat_group",
                "SELECT stat_schema, stat_sequence, stat_increments FROM emaj.emaj_sequence_stat_group(?, 'EMAJ_LAST_MARK', NULL)"
                    + " ORDER BY stat_schema, stat_sequence", Monitoring::counters, name);
            result.add(new Activity.Group(name, (String) g[1], (OffsetDateTime) g[2], tables, sequences));
        }
        return new Activity(now[0], groupCount[0], result);
    }

    private static List<Activity.Counter> counters(ResultSet rs) throws SQLException {
        List<Activity.Counter> list = new ArrayList<>();
        while (rs.next()) {
            list.add(new Activity.Counter(rs.getString(1), rs.getString(2), rs.getLong(3)));
        }
        return list;
    }

    /**
     * The progress of the running rollback of these groups (emaj_rollback_activity, which sees
     * it only when the rollback publishes its progress),
     * with the number of tables already rolled back (emaj_rlbk_plan); null when there is none.
     */
    public RollbackProgress rollbackProgress(List<String> groups) throws EmajError {
        String sql = "SELECT a.rlbk_id, a.rlbk_status::text, a.rlbk_completion_pct, extract(epoch FROM a.rlbk_remaining),"
            + " a.rlbk_eff_nb_table, a.rlbk_nb_table,"
            + " (SELECT count(*) FROM emaj.emaj_rlbk_plan p WHERE p.rlbp_rlbk_id = a.rlbk_id"
            + "    AND p.rlbp_step = 'RLBK_TABLE' AND p.rlbp_duration IS NOT NULL)::int,"
            + " (SELECT count(*) FROM emaj.emaj_rlbk_plan p WHERE p.rlbp_rlbk_id = a.rlbk_id"
            + "    AND p.rlbp_step = 'RLBK_TABLE')::int"
            + " FROM emaj.emaj_rollback_activity() a"
            + " WHERE a.rlbk_groups @> ?::text[] AND a.rlbk_groups <@ ?::text[] AND a.rlbk_status::text NOT IN ('COMMITTED', 'ABORTED')"
            + " ORDER BY a.rlbk_id DESC LIMIT 1";
        try (java.sql.PreparedStatement ps = connection.prepareStatement(sql)) {
            java.sql.Array array = connection.createArrayOf("text", groups.toArray());
            ps.setArray(1, array);
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                int pct = rs.getInt(3);
                Integer completion = rs.wasNull() ? null : pct;
                double remaining = rs.getDouble(4);
                Double left = rs.wasNull() ? null : remaining;
                return new RollbackProgress(rs.getInt(1), rs.getString(2), completion, left, rs.getInt(5),
                    rs.getInt(6), rs.getInt(7), rs.getInt(8));
            }
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
    }
}
