package org.emajshell.emaj;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    private final JdbcCalls calls;

    public EmajClient(Connection connection) {
        this.connection = connection;
        this.calls = new JdbcCalls(connection);
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
        return calls.installedVersion();
    }

    // ---------------------------------------------------------------- groups

    public int createGroup(String group, boolean rollbackable, String comment) throws EmajError {
        return calls.queryInt("emaj_create_group", "SELECT emaj.emaj_create_group(?, ?, ?)", group, rollbackable, comment);
    }

    public int dropGroup(String group) throws EmajError {
        return calls.queryInt("emaj_drop_group", "SELECT emaj.emaj_drop_group(?)", group);
    }

    public int forceDropGroup(String group) throws EmajError {
        return calls.queryInt("emaj_force_drop_group", "SELECT emaj.emaj_force_drop_group(?)", group);
    }

    public boolean groupExists(String group) throws EmajError {
        return calls.queryBoolean("emaj_does_exist_group", "SELECT emaj.emaj_does_exist_group(?)", group);
    }

    /** ASSIGN: tables take properties (JSON, may be null), sequences none. */
    public int assignRelations(Relations relations, String group, String propertiesJson, String mark) throws EmajError {
        boolean tables = relations.kind() == Relations.Kind.TABLES;
        return alter("assign", relations, tables ? ", ?, ?::jsonb" : ", ?",
            tables ? java.util.Arrays.asList(group, propertiesJson) : List.of(group), mark);
    }

    public void commentGroup(String group, String comment) throws EmajError {
        calls.query("emaj_comment_group", "SELECT emaj.emaj_comment_group(?, ?)", rs -> null, group, comment);
    }

    public int resetGroup(String group) throws EmajError {
        return calls.queryInt("emaj_reset_group", "SELECT emaj.emaj_reset_group(?)", group);
    }

    public int protectGroup(String group) throws EmajError {
        return calls.queryInt("emaj_protect_group", "SELECT emaj.emaj_protect_group(?)", group);
    }

    public int unprotectGroup(String group) throws EmajError {
        return calls.queryInt("emaj_unprotect_group", "SELECT emaj.emaj_unprotect_group(?)", group);
    }

    public int removeRelations(Relations relations, String mark) throws EmajError {
        return alter("remove", relations, "", List.of(), mark);
    }

    public int moveRelations(Relations relations, String newGroup, String mark) throws EmajError {
        return alter("move", relations, ", ?", List.of(newGroup), mark);
    }

    public int modifyTables(Relations tables, String propertiesJson, String mark) throws EmajError {
        return alter("modify", tables, ", ?::jsonb", List.of(propertiesJson), mark);
    }

    private int alter(String verb, Relations relations, String middlePlaceholders, List<Object> middle, String mark)
        throws EmajError {
        String function = "emaj_" + verb + "_" + relations.kind().word;
        List<Object> args = new ArrayList<>(relations.leadingArgs());
        args.addAll(middle);
        args.add(mark);
        String sql = "SELECT emaj." + function + "(" + relations.leadingPlaceholders() + middlePlaceholders + ", ?)";
        return calls.queryInt(function, sql, args.toArray());
    }

    public List<RelationInfo> relations(String group) throws EmajError {
        String sql = "SELECT rel_schema, rel_tblseq, rel_kind, rel_priority, rel_log_schema, rel_log_table"
            + " FROM emaj.emaj_relation WHERE rel_group = ? AND upper_inf(rel_time_range)"
            + " ORDER BY rel_kind DESC, rel_priority NULLS LAST, rel_schema, rel_tblseq";
        return calls.query("emaj_relation", sql, rs -> {
            List<RelationInfo> list = new ArrayList<>();
            while (rs.next()) {
                int priority = rs.getInt(4);
                list.add(new RelationInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.wasNull() ? null : priority, rs.getString(5), rs.getString(6)));
            }
            return list;
        }, group);
    }

    // ---------------------------------------------------------------- life cycle

    public int startGroups(List<String> groups, String mark, boolean resetLogs) throws EmajError {
        return calls.queryInt("emaj_start_groups", "SELECT emaj.emaj_start_groups(?, ?, ?)",
            textArray(groups), mark, resetLogs);
    }

    public int stopGroups(List<String> groups, String mark) throws EmajError {
        return calls.queryInt("emaj_stop_groups", "SELECT emaj.emaj_stop_groups(?, ?)",
            textArray(groups), mark);
    }

    public int forceStopGroup(String group) throws EmajError {
        return calls.queryInt("emaj_force_stop_group", "SELECT emaj.emaj_force_stop_group(?)", group);
    }

    // ---------------------------------------------------------------- marks
    // (A NULL mark name makes E-Maj choose its default name, such as 'MARK_%' or 'START_%'.)

    public int setMark(List<String> groups, String mark, String comment) throws EmajError {
        return calls.queryInt("emaj_set_mark_groups", "SELECT emaj.emaj_set_mark_groups(?, ?, ?)",
            textArray(groups), mark, comment);
    }


    public void renameMark(String group, String mark, String newName) throws EmajError {
        calls.query("emaj_rename_mark_group", "SELECT emaj.emaj_rename_mark_group(?, ?, ?)", rs -> null, group, mark, newName);
    }

    public void commentMark(String group, String mark, String comment) throws EmajError {
        calls.query("emaj_comment_mark_group", "SELECT emaj.emaj_comment_mark_group(?, ?, ?)", rs -> null, group, mark, comment);
    }

    public int deleteMark(String group, String mark) throws EmajError {
        return calls.queryInt("emaj_delete_mark_group", "SELECT emaj.emaj_delete_mark_group(?, ?)", group, mark);
    }

    public int deleteMarksBefore(String group, String mark) throws EmajError {
        return calls.queryInt("emaj_delete_before_mark_group", "SELECT emaj.emaj_delete_before_mark_group(?, ?)", group, mark);
    }

    public int protectMark(String group, String mark) throws EmajError {
        return calls.queryInt("emaj_protect_mark_group", "SELECT emaj.emaj_protect_mark_group(?, ?)", group, mark);
    }

    public int unprotectMark(String group, String mark) throws EmajError {
        return calls.queryInt("emaj_unprotect_mark_group", "SELECT emaj.emaj_unprotect_mark_group(?, ?)", group, mark);
    }

    // ---------------------------------------------------------------- rollback

    public List<RollbackMessage> rollback(List<String> groups, String mark, boolean logged, boolean allowAlter,
                                          String comment) throws EmajError {
        String function = (logged ? "emaj_logged_rollback_group" : "emaj_rollback_group") + (groups.size() > 1 ? "s" : "");
        Object groupArg = groups.size() > 1 ? textArray(groups) : groups.get(0);
        String sql = "SELECT rlbk_severity, rlbk_message FROM emaj." + function + "(?, ?, ?, ?)";
        return calls.query(function, sql, rs -> {
            List<RollbackMessage> messages = new ArrayList<>();
            while (rs.next()) {
                messages.add(new RollbackMessage(rs.getString(1), rs.getString(2)));
            }
            return messages;
        }, groupArg, mark, allowAlter, comment);
    }

    public Duration estimateRollback(List<String> groups, String mark, boolean logged) throws EmajError {
        String sql = "SELECT extract(epoch FROM emaj.emaj_estimate_rollback_groups(?, ?, ?))";
        return calls.query("emaj_estimate_rollback_groups", sql, rs -> {
            rs.next();
            double seconds = rs.getDouble(1);
            return rs.wasNull() ? null : Duration.ofNanos((long) (seconds * 1e9));
        }, textArray(groups), mark, logged);
    }


    public long consolidateRollback(String group, String endRollbackMark) throws EmajError {
        return calls.queryLong("emaj_consolidate_rollback_group", "SELECT emaj.emaj_consolidate_rollback_group(?, ?)",
            group, endRollbackMark);
    }

    /** Recent rollbacks from emaj_rlbk, newest first; with {@code runningOnly}, emaj_rollback_activity(). */
    public List<RollbackRecord> rollbacks(boolean runningOnly, int limit) throws EmajError {
        if (runningOnly) {
            String sql = "SELECT rlbk_id, rlbk_groups, rlbk_mark, rlbk_is_logged, rlbk_status::text, rlbk_start_datetime,"
                + " NULL::timestamptz, rlbk_eff_nb_table, rlbk_nb_table, rlbk_completion_pct::int, rlbk_remaining::text,"
                + " rlbk_comment FROM emaj.emaj_rollback_activity() ORDER BY rlbk_id";
            return calls.query("emaj_rollback_activity", sql, EmajClient::readRollbacks);
        }
        String sql = "SELECT rlbk_id, rlbk_groups, rlbk_mark, rlbk_is_logged, rlbk_status::text, rlbk_start_datetime,"
            + " rlbk_end_datetime, rlbk_eff_nb_table, rlbk_nb_table, NULL::int, NULL::text, rlbk_comment"
            + " FROM emaj.emaj_rlbk ORDER BY rlbk_id DESC LIMIT ?";
        return calls.query("emaj_rlbk", sql, EmajClient::readRollbacks, limit);
    }

    private static List<RollbackRecord> readRollbacks(ResultSet rs) throws SQLException {
        List<RollbackRecord> list = new ArrayList<>();
        while (rs.next()) {
            java.sql.Array groups = rs.getArray(2);
            list.add(new RollbackRecord(rs.getInt(1), List.of((String[]) groups.getArray()), rs.getString(3),
                rs.getBoolean(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class), (Integer) rs.getObject(8), (Integer) rs.getObject(9),
                (Integer) rs.getObject(10), rs.getString(11), rs.getString(12)));
        }
        return list;
    }

    // ---------------------------------------------------------------- statistics

    public List<DetailedChanges> detailedLogStat(List<String> groups, String firstMark, String lastMark) throws EmajError {
        String sql = "SELECT stat_group, stat_schema, stat_table, stat_role, stat_verb, stat_rows"
            + " FROM emaj.emaj_detailed_log_stat_groups(?, ?, ?)"
            + " ORDER BY stat_group, stat_schema, stat_table, stat_role, stat_verb";
        return calls.query("emaj_detailed_log_stat_groups", sql, rs -> {
            List<DetailedChanges> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new DetailedChanges(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getLong(6)));
            }
            return list;
        }, textArray(groups), firstMark, lastMark);
    }

    public List<SequenceChanges> sequenceStat(List<String> groups, String firstMark, String lastMark) throws EmajError {
        String sql = "SELECT stat_group, stat_schema, stat_sequence, stat_increments, stat_has_structure_changed"
            + " FROM emaj.emaj_sequence_stat_groups(?, ?, ?) ORDER BY stat_group, stat_schema, stat_sequence";
        return calls.query("emaj_sequence_stat_groups", sql, rs -> {
            List<SequenceChanges> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new SequenceChanges(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getBoolean(5)));
            }
            return list;
        }, textArray(groups), firstMark, lastMark);
    }

    // ---------------------------------------------------------------- administration

    public List<String> verifyAll() throws EmajError {
        return calls.query("emaj_verify_all", "SELECT * FROM emaj.emaj_verify_all()", rs -> {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return lines;
        });
    }

    public List<HistoryEntry> history(String group, long limit) throws EmajError {
        String sql = "SELECT hist_id, hist_datetime, hist_function, hist_event, hist_object, hist_wording, hist_user"
            + " FROM emaj.emaj_hist WHERE ?::text IS NULL OR hist_object = ? OR hist_object LIKE ? || ',%'"
            + " OR hist_object LIKE '%,' || ?"
            + " ORDER BY hist_id DESC LIMIT ?";
        return calls.query("emaj_hist", sql, rs -> {
            List<HistoryEntry> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new HistoryEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            }
            return list;
        }, group, group, group, group, limit);
    }

    /** The groups configuration as JSON (emaj_export_groups_configuration), for all groups when empty. */
    public String exportGroupsConfiguration(List<String> groups) throws EmajError {
        return calls.queryString("emaj_export_groups_configuration",
            "SELECT emaj.emaj_export_groups_configuration(?::text[])::text", groups.isEmpty() ? null : textArray(groups));
    }

    public int importGroupsConfiguration(String json, List<String> groups, boolean allowGroupsUpdate, String mark)
        throws EmajError {
        return calls.queryInt("emaj_import_groups_configuration",
            "SELECT emaj.emaj_import_groups_configuration(?::json, ?::text[], ?, coalesce(?, 'IMPORT_%'))",
            json, groups.isEmpty() ? null : textArray(groups), allowGroupsUpdate, mark);
    }

    /**
     * Generates the replay script into the session's temporary table (emaj_gen_sql_group with a NULL
     * location) and returns its lines from the documented view emaj_sql_script.
     */
    public List<String> generateSql(String group, String firstMark, String lastMark, List<String> tablesAndSequences)
        throws EmajError {
        calls.queryLong("emaj_gen_sql_group", "SELECT emaj.emaj_gen_sql_group(?, ?, ?, NULL, ?::text[])",
            group, firstMark, lastMark, tablesAndSequences.isEmpty() ? null : textArray(tablesAndSequences));
        return calls.query("emaj_sql_script", "SELECT scr_sql FROM emaj_sql_script", rs -> {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return lines;
        });
    }

    /**
     * Generates the replay script of a group into the session's temporary table (emaj_gen_sql_group
     * with a NULL location) and returns its lines in script order, with the transaction of each change.
     */
    public List<ScriptLine> replayScript(String group, String firstMark, String lastMark) throws EmajError {
        calls.queryLong("emaj_gen_sql_group", "SELECT emaj.emaj_gen_sql_group(?, ?, ?, NULL, NULL)",
            group, firstMark, lastMark);
        return calls.query("emaj_temp_script",
            "SELECT scr_emaj_gid, scr_subid, scr_emaj_txid, scr_sql FROM emaj_temp_script ORDER BY scr_emaj_gid, scr_subid",
            rs -> {
                List<ScriptLine> lines = new ArrayList<>();
                while (rs.next()) {
                    long txid = rs.getLong(3);
                    lines.add(new ScriptLine(rs.getLong(1), rs.getInt(2), rs.wasNull() ? null : txid, rs.getString(4)));
                }
                return lines;
            });
    }

    public int snapGroup(String group, String directory) throws EmajError {
        return calls.queryInt("emaj_snap_group", "SELECT emaj.emaj_snap_group(?, ?, NULL)", group, directory);
    }

    // ---------------------------------------------------------------- catalog reads

    public List<GroupSummary> groups() throws EmajError {
        String sql = "SELECT g.group_name, g.group_is_rollbackable, g.group_is_logging, g.group_is_rlbk_protected,"
            + " g.group_nb_table, g.group_nb_sequence,"
            + " (SELECT count(*) FROM emaj.emaj_mark m WHERE m.mark_group = g.group_name)::int,"
            + " g.group_comment"
            + " FROM emaj.emaj_group g ORDER BY g.group_name";
        List<GroupSummary> rows = calls.query("emaj_group", sql, rs -> {
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
        return calls.query("emaj_mark", sql, rs -> {
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
        return calls.query("emaj_log_stat_group",
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
        return calls.query("emaj_log_stat_groups", sql, rs -> {
            List<TableChanges> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new TableChanges(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
            return list;
        }, textArray(groups), firstMark, lastMark);
    }

    // ---------------------------------------------------------------- plumbing

    private static JdbcCalls.TextArray textArray(List<String> values) {
        return new JdbcCalls.TextArray(values);
    }
}
