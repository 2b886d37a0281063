package org.emajshell.command.help;

import static org.emajshell.command.help.HelpCategory.GROUP_DEFINITION;
import static org.emajshell.command.help.HelpCategory.GROUP_LIFE_CYCLE;
import static org.emajshell.command.help.HelpCategory.LOOKING;
import static org.emajshell.command.help.HelpCategory.MARKS;
import static org.emajshell.command.help.HelpCategory.META;
import static org.emajshell.command.help.HelpCategory.ROLLBACK;
import static org.emajshell.command.help.HelpCategory.SESSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.emajshell.command.AssignRelations;
import org.emajshell.command.Command;
import org.emajshell.command.CommentOnGroup;
import org.emajshell.command.CommentOnMark;
import org.emajshell.command.ConsolidateRollback;
import org.emajshell.command.CreateGroup;
import org.emajshell.command.DeleteMark;
import org.emajshell.command.DeleteMarksBefore;
import org.emajshell.command.DropGroup;
import org.emajshell.command.EstimateRollback;
import org.emajshell.command.ExportConfiguration;
import org.emajshell.command.GenerateSql;
import org.emajshell.command.Help;
import org.emajshell.command.ImportConfiguration;
import org.emajshell.command.InstallEmaj;
import org.emajshell.command.MetaCommand;
import org.emajshell.command.ModifyRelations;
import org.emajshell.command.MoveRelations;
import org.emajshell.command.ProtectGroup;
import org.emajshell.command.ProtectMark;
import org.emajshell.command.RemoveRelations;
import org.emajshell.command.RenameMark;
import org.emajshell.command.Replay;
import org.emajshell.command.ResetGroup;
import org.emajshell.command.Rollback;
import org.emajshell.command.SetMark;
import org.emajshell.command.ShowActivity;
import org.emajshell.command.ShowChanges;
import org.emajshell.command.ShowGroup;
import org.emajshell.command.ShowGroups;
import org.emajshell.command.ShowHistory;
import org.emajshell.command.ShowMarks;
import org.emajshell.command.ShowRollbacks;
import org.emajshell.command.ShowSequences;
import org.emajshell.command.ShowStats;
import org.emajshell.command.ShowTables;
import org.emajshell.command.SnapGroup;
import org.emajshell.command.SqlStatement;
import org.emajshell.command.StartGroups;
import org.emajshell.command.StopGroups;
import org.emajshell.command.UnprotectGroup;
import org.emajshell.command.UnprotectMark;
import org.emajshell.command.UseGroup;
import org.emajshell.command.Verify;

/**
 * The one place that describes every command and meta-command to users: HELP and \h show it, the
 * man page is generated from it. Entries are in the order of the man page.
 */
public final class HelpTopics {

    /** Said wherever SQL and shell commands meet (HELP SQL, the overview, the man page). */
    public static final String SQL_NOTES = """
            Anything that is not a shell command or a meta-command is SQL: it is sent to PostgreSQL \
            when it ends with ';' and its result is shown. Where a shell command and an SQL statement \
            share their first words, the shell command wins and the SQL form stays reachable: \
            CREATE GROUP and DROP GROUP are shell commands (PostgreSQL's obsolete role aliases: use \
            CREATE ROLE / DROP ROLE; ALTER GROUP stays SQL); ROLLBACK TO m and ROLLBACK GROUP g ... \
            are shell rollbacks, while ROLLBACK, ROLLBACK WORK, ROLLBACK AND CHAIN and \
            ROLLBACK TO SAVEPOINT sp are SQL, like BEGIN and COMMIT; SHOW name, RESET name, \
            START TRANSACTION, COMMENT ON TABLE, DELETE FROM, MOVE (cursor) and IMPORT FOREIGN SCHEMA \
            go to the server because their next word is not a shell keyword. A statement that \
            starts with neither a shell keyword nor an SQL keyword is a syntax error.""";

    private static final String GROUP_CLAUSE_NOTE = " Without GROUP, the current group (USE g) is used.";

    private static final List<HelpEntry> ENTRIES = build();

    private HelpTopics() {
    }

    /** Every entry, in man page order (by category, then as listed in command-language.md). */
    public static List<HelpEntry> entries() {
        return ENTRIES;
    }

    /** The entries of one section. */
    public static List<HelpEntry> entries(HelpCategory category) {
        return ENTRIES.stream().filter(e -> e.category() == category).toList();
    }

    /** The entries that describe records of {@code type} (several for MetaCommand). */
    public static List<HelpEntry> entriesFor(Class<? extends Command> type) {
        return ENTRIES.stream().filter(e -> e.commandType() == type).toList();
    }

    /**
     * The entries for what the user asked, case and spacing aside: the entry named (or aliased)
     * exactly so ("show changes", "start groups", "\\set", or "set" for a meta-command); else the
     * command the words start with ("rollback to 'm'" gives ROLLBACK); else every entry whose name
     * starts with them ("show" gives all SHOW commands). Empty if nothing matches.
     */
    public static List<HelpEntry> find(String topic) {
        if (topic == null || topic.isBlank()) {
            return List.of();
        }
        String wanted = normalize(topic);
        for (HelpEntry e : ENTRIES) {
            if (names(e).contains(wanted)) {
                return List.of(e);
            }
        }
        for (HelpEntry e : ENTRIES) {
            if (e.category() == META && names(e).contains("\\" + wanted)) {
                return List.of(e);
            }
        }
        HelpEntry longest = null;
        int longestLength = 0;
        for (HelpEntry e : ENTRIES) {
            for (String name : names(e)) {
                if (wanted.startsWith(name + " ") && name.length() > longestLength) {
                    longest = e;
                    longestLength = name.length();
                }
            }
        }
        if (longest != null) {
            return List.of(longest);
        }
        List<HelpEntry> found = new ArrayList<>();
        for (HelpEntry e : ENTRIES) {
            if (names(e).stream().anyMatch(n -> n.startsWith(wanted))) {
                found.add(e);
            }
        }
        return List.copyOf(found);
    }

    private static List<String> names(HelpEntry e) {
        List<String> names = new ArrayList<>();
        names.add(normalize(e.name()));
        for (String alias : e.aliases()) {
            names.add(normalize(alias));
        }
        return names;
    }

    /** The single entry for a topic, if the topic names exactly one. */
    public static Optional<HelpEntry> entry(String topic) {
        List<HelpEntry> found = find(topic);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Every topic name, for completion after HELP and \h. */
    public static List<String> topicNames() {
        return ENTRIES.stream().map(HelpEntry::name).toList();
    }

    /** The text of a bare HELP: the commands by section, one line each, then the SQL notes. */
    public static String overview() {
        StringBuilder b = new StringBuilder();
        b.append("emaj-shell commands (HELP command for details, \\? for meta-commands). ")
                .append("A statement ends with ';'; Enter alone runs a complete shell command.\n");
        for (HelpCategory c : HelpCategory.values()) {
            if (c == META) {
                continue;
            }
            b.append('\n').append(c.title()).append('\n');
            for (HelpEntry e : entries(c)) {
                b.append(String.format("  %-22s %s%n", e.name(), e.summary()));
            }
        }
        b.append('\n').append(HelpEntry.wrap(SQL_NOTES, 96)).append('\n');
        return b.toString();
    }

    /** The text of \?: the meta-commands, one line each. */
    public static String metaOverview() {
        StringBuilder b = new StringBuilder("Meta-commands (a backslash line ends at the end of the line):\n");
        for (HelpEntry e : entries(META)) {
            String synopsis = e.synopsis().split("\n")[0];
            b.append(String.format("  %-34s %s%n", synopsis, e.summary()));
        }
        return b.toString();
    }

    private static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------
    // The entries
    // ---------------------------------------------------------------------------------------------

    private static List<HelpEntry> build() {
        List<HelpEntry> list = new ArrayList<>();

        // Group definition ------------------------------------------------------------------------
        list.add(entry("CREATE GROUP", GROUP_DEFINITION, "create a tables group", CreateGroup.class,
                "CREATE GROUP g [ROLLBACKABLE | AUDIT_ONLY] [COMMENT 'text']",
                """
                Creates an empty tables group (emaj_create_group). A ROLLBACKABLE group (the default)
                can be rolled back to its marks; its tables need a primary key. An AUDIT_ONLY group
                only records the changes. Add tables and sequences with ASSIGN, then START it.
                CREATE ROLE is SQL: CREATE GROUP always means an E-Maj group here.""",
                "CREATE GROUP shop COMMENT 'the web shop';"));
        list.add(entry("DROP GROUP", GROUP_DEFINITION, "drop a tables group", DropGroup.class,
                "DROP GROUP g [FORCE]",
                """
                Drops an idle group and the log tables of its tables (emaj_drop_group); the
                application tables themselves are untouched. FORCE also drops a group that is
                still logging or damaged (emaj_force_drop_group). Asks for confirmation when
                interactive. DROP ROLE is SQL.""",
                "DROP GROUP shop;"));
        list.add(entry("COMMENT ON GROUP", GROUP_DEFINITION, "set or remove a group's comment", CommentOnGroup.class,
                "COMMENT ON GROUP g IS 'text' | NULL",
                """
                Sets the comment of a group, or removes it with NULL (emaj_comment_group).
                COMMENT ON TABLE and the other COMMENT ON forms are SQL.""",
                "COMMENT ON GROUP shop IS 'orders, customers and products';"));
        list.add(entry("ASSIGN", GROUP_DEFINITION, "add tables or sequences to a group", AssignRelations.class,
                """
                ASSIGN TABLE[S] s.t[, ...] [TO GROUP g] [WITH (property = value, ...)] [MARK 'm']
                ASSIGN TABLES IN SCHEMA s [MATCHING 'regex'] [EXCLUDING 'regex'] [TO GROUP g]
                       [WITH (property = value, ...)] [MARK 'm']
                ASSIGN SEQUENCE[S] s.q[, ...] [TO GROUP g] [MARK 'm']
                ASSIGN SEQUENCES IN SCHEMA s [MATCHING 'regex'] [EXCLUDING 'regex'] [TO GROUP g] [MARK 'm']""",
                """
                Adds tables or sequences to a group (emaj_assign_table[s], emaj_assign_sequence[s]),
                named one by one or selected in a schema by POSIX regular expressions (without
                MATCHING, every table of the schema; relations already in a group, tables without
                a primary key in a rollbackable group and unlogged tables are skipped). Table
                properties: priority (integer), log_data_tablespace, log_index_tablespace,
                ignored_triggers (a list, ['t1', 't2']) and ignored_triggers_profiles (a list of
                regular expressions). On a logging group a mark is set (MARK, default 'ASSIGN_%').
                Without TO GROUP, the current group is used.""",
                """
                ASSIGN TABLES IN SCHEMA shop EXCLUDING '^tmp_' TO GROUP shop;
                ASSIGN TABLE shop.orders TO GROUP shop WITH (priority = 1);"""));
        list.add(entry("REMOVE", GROUP_DEFINITION, "take tables or sequences out of their group", RemoveRelations.class,
                """
                REMOVE TABLE[S] | SEQUENCE[S] s.t[, ...] [MARK 'm']
                REMOVE TABLES | SEQUENCES IN SCHEMA s [MATCHING 'regex'] [EXCLUDING 'regex'] [MARK 'm']""",
                """
                Takes tables or sequences out of whatever group holds them (emaj_remove_table[s],
                emaj_remove_sequence[s]). The log tables are kept, renamed, until the old marks are
                deleted. On a logging group a mark is set (default 'REMOVE_%').""",
                "REMOVE TABLE shop.audit_trail;"));
        list.add(entry("MOVE", GROUP_DEFINITION, "move tables or sequences to another group", MoveRelations.class,
                """
                MOVE TABLE[S] | SEQUENCE[S] s.t[, ...] TO GROUP g2 [MARK 'm']
                MOVE TABLES | SEQUENCES IN SCHEMA s [MATCHING 'regex'] [EXCLUDING 'regex'] TO GROUP g2 [MARK 'm']""",
                """
                Moves tables or sequences from their group to g2 (emaj_move_table[s],
                emaj_move_sequence[s]), keeping their logs. On logging groups a mark is set
                (default 'MOVE_%'). MOVE followed by anything but TABLE(S) or SEQUENCE(S) is the SQL
                cursor command.""",
                "MOVE TABLES shop.invoice, shop.invoice_line TO GROUP billing;"));
        list.add(entry("MODIFY", GROUP_DEFINITION, "change table properties", ModifyRelations.class,
                """
                MODIFY TABLE[S] s.t[, ...] SET (property = value, ...) [MARK 'm']
                MODIFY TABLES IN SCHEMA s [MATCHING 'regex'] [EXCLUDING 'regex'] SET (property = value, ...) [MARK 'm']""",
                """
                Changes the properties of tables already in a group (emaj_modify_table[s]); only the
                properties given change, and NULL resets one to its default. The properties are
                those of ASSIGN. On a logging group a mark is set (default 'MODIFY_%').""",
                "MODIFY TABLE shop.orders SET (priority = 10, log_data_tablespace = NULL);"));
        list.add(entry("EXPORT CONFIGURATION", GROUP_DEFINITION, "write the groups' definition as JSON",
                ExportConfiguration.class,
                "EXPORT CONFIGURATION [GROUPS g1, ...] [TO 'file.json']",
                """
                Writes the definition of the groups (all of them without GROUPS) as JSON
                (emaj_export_groups_configuration): to the file, or on the screen without TO.
                IMPORT CONFIGURATION reads it back, on this database or another.""",
                "EXPORT CONFIGURATION GROUPS shop TO 'shop-groups.json';"));
        list.add(entry("IMPORT CONFIGURATION", GROUP_DEFINITION, "create or update groups from JSON",
                ImportConfiguration.class,
                "IMPORT CONFIGURATION FROM 'file.json' [GROUPS g1, ...] [REPLACE]",
                """
                Creates the groups described in a file written by EXPORT CONFIGURATION
                (emaj_import_groups_configuration), all of them or those listed. With REPLACE,
                groups that already exist are changed to match the file, even while logging (a
                mark 'IMPORT_%' is then set); without it, existing groups are an error.
                IMPORT FOREIGN SCHEMA is SQL.""",
                "IMPORT CONFIGURATION FROM 'shop-groups.json' REPLACE;"));

        // Group life cycle ------------------------------------------------------------------------
        list.add(entry("START GROUP", GROUP_LIFE_CYCLE, "start recording changes", StartGroups.class,
                "START GROUP[S] g[, ...] [MARK 'm'] [KEEP LOG]",
                """
                Starts logging the changes of the groups' tables and sets the first mark
                (emaj_start_group[s]; default name 'START_%'). The old logs and marks are deleted,
                unless KEEP LOG. START TRANSACTION is SQL.""",
                "START GROUP shop MARK 'start';", "START GROUPS"));
        list.add(entry("STOP GROUP", GROUP_LIFE_CYCLE, "stop recording changes", StopGroups.class,
                "STOP GROUP[S] g[, ...] [MARK 'm'] [FORCE]",
                """
                Stops logging and sets a last mark (emaj_stop_group[s]; default 'STOP_%'). The logs
                stay until the next START or RESET. FORCE stops a damaged group whose tables or
                triggers are missing (emaj_force_stop_group; no mark is set then).""",
                "STOP GROUP shop;", "STOP GROUPS"));
        list.add(entry("RESET GROUP", GROUP_LIFE_CYCLE, "purge the logs of an idle group", ResetGroup.class,
                "RESET GROUP g",
                """
                Deletes the logs and marks of an idle (stopped) group (emaj_reset_group). Asks for
                confirmation when interactive. RESET name (a setting) is SQL.""",
                "RESET GROUP shop;"));
        list.add(entry("PROTECT GROUP", GROUP_LIFE_CYCLE, "forbid rollbacks of a group", ProtectGroup.class,
                "PROTECT GROUP g",
                """
                Protects a logging group against rollbacks (emaj_protect_group) until UNPROTECT
                GROUP or STOP GROUP.""",
                "PROTECT GROUP shop;"));
        list.add(entry("UNPROTECT GROUP", GROUP_LIFE_CYCLE, "allow rollbacks of a group again", UnprotectGroup.class,
                "UNPROTECT GROUP g",
                "Removes the protection set by PROTECT GROUP (emaj_unprotect_group).",
                "UNPROTECT GROUP shop;"));

        // Marks -----------------------------------------------------------------------------------
        list.add(entry("MARK", MARKS, "set a mark", SetMark.class,
                "MARK [GROUP[S] g[, ...]] 'name' [COMMENT 'text']",
                """
                Sets a mark, a named point in time the groups can be rolled back to or compared
                with (emaj_set_mark_group[s]). A % in the name is replaced by a time stamp, so
                'batch-%' makes unique names. The groups must be logging; marks set on several
                groups at once are consistent across them."""
                        + GROUP_CLAUSE_NOTE,
                "MARK 'before-price-update' COMMENT 'ticket 4711';"));
        list.add(entry("RENAME MARK", MARKS, "rename a mark", RenameMark.class,
                "RENAME MARK m TO m2 [IN GROUP g]",
                "Renames a mark (emaj_rename_mark_group)." + GROUP_CLAUSE_NOTE,
                "RENAME MARK 'start' TO 'baseline';"));
        list.add(entry("COMMENT ON MARK", MARKS, "set or remove a mark's comment", CommentOnMark.class,
                "COMMENT ON MARK m [IN GROUP g] IS 'text' | NULL",
                "Sets the comment of a mark, or removes it with NULL (emaj_comment_mark_group)."
                        + GROUP_CLAUSE_NOTE,
                "COMMENT ON MARK 'baseline' IS 'data loaded by the nightly import';"));
        list.add(entry("DELETE MARK", MARKS, "delete a mark", DeleteMark.class,
                "DELETE MARK m [FROM GROUP g]",
                """
                Deletes one mark (emaj_delete_mark_group); the logs are kept. A group keeps at least
                one mark. Asks for confirmation when interactive. DELETE FROM is SQL."""
                        + GROUP_CLAUSE_NOTE,
                "DELETE MARK 'test-run-3';"));
        list.add(entry("DELETE MARKS BEFORE", MARKS, "delete old marks and their logs", DeleteMarksBefore.class,
                "DELETE MARKS BEFORE m [IN GROUP g]",
                """
                Deletes every mark set before m and the logs older than m
                (emaj_delete_before_mark_group), freeing space; m becomes the group's first mark.
                Asks for confirmation when interactive."""
                        + GROUP_CLAUSE_NOTE,
                "DELETE MARKS BEFORE 'month-start';"));
        list.add(entry("PROTECT MARK", MARKS, "forbid rollbacks past a mark", ProtectMark.class,
                "PROTECT MARK m [IN GROUP g]",
                """
                Protects a mark (emaj_protect_mark_group): no rollback to a mark set before it is
                allowed until UNPROTECT MARK."""
                        + GROUP_CLAUSE_NOTE,
                "PROTECT MARK 'go-live';"));
        list.add(entry("UNPROTECT MARK", MARKS, "remove a mark's protection", UnprotectMark.class,
                "UNPROTECT MARK m [IN GROUP g]",
                "Removes the protection set by PROTECT MARK (emaj_unprotect_mark_group)." + GROUP_CLAUSE_NOTE,
                "UNPROTECT MARK 'go-live';"));

        // Rollback --------------------------------------------------------------------------------
        list.add(entry("ROLLBACK", ROLLBACK, "put the groups' tables back as they were at a mark", Rollback.class,
                """
                ROLLBACK [GROUP[S] g[, ...]] TO [MARK] m [LOGGED] [ALLOW ALTER] [COMMENT 'text']
                         [PARALLEL n] [PREVIEW [VERBOSE]]""",
                """
                Rolls the tables and sequences of the groups back to their state at mark m
                (emaj_rollback_group[s]); the marks set after m are deleted. LOGGED makes a logged
                rollback (emaj_logged_rollback_group[s]): the rollback is itself recorded and can be
                undone, and the later marks are kept. ALLOW ALTER allows rolling back over changes of
                the group's structure. PARALLEL n uses n sessions. Interactively it shows the
                estimate and asks for confirmation (not with --yes or \\set CONFIRM off), then a
                progress bar; Ctrl-C cancels it and leaves the data as they were. PREVIEW shows what
                would change (per table counts; with VERBOSE the rows) and changes nothing. The
                options may come in any order. ROLLBACK alone, ROLLBACK WORK and ROLLBACK TO
                SAVEPOINT sp are SQL transaction control."""
                        + GROUP_CLAUSE_NOTE,
                """
                ROLLBACK TO 'before-price-update';
                ROLLBACK GROUPS shop, billing TO MARK 'eod' LOGGED PREVIEW;"""));
        list.add(entry("ESTIMATE ROLLBACK", ROLLBACK, "estimate how long a rollback would take", EstimateRollback.class,
                "ESTIMATE ROLLBACK [GROUP[S] g[, ...]] TO [MARK] m [LOGGED]",
                """
                Estimates the duration of a rollback to m from the recorded changes and the
                statistics of past rollbacks (emaj_estimate_rollback_group[s]); changes nothing."""
                        + GROUP_CLAUSE_NOTE,
                "ESTIMATE ROLLBACK TO 'before-price-update';"));
        list.add(entry("CONSOLIDATE ROLLBACK", ROLLBACK, "make a logged rollback final", ConsolidateRollback.class,
                "CONSOLIDATE ROLLBACK [GROUP g] TO [MARK] m",
                """
                Turns a logged rollback that ended at mark m into an unlogged one
                (emaj_consolidate_rollback_group): the logs between the rollback's start mark and m
                are deleted, so it can no longer be undone. SHOW ROLLBACKS lists the candidates."""
                        + GROUP_CLAUSE_NOTE,
                "CONSOLIDATE ROLLBACK TO 'RLBK_before-price-update_DONE';"));

        // Looking at the record -------------------------------------------------------------------
        list.add(entry("SHOW GROUPS", LOOKING, "list the groups", ShowGroups.class,
                "SHOW GROUPS",
                """
                Lists every group with its type, state, number of tables, sequences and marks, the
                changes since its last mark and its comment.""",
                "SHOW GROUPS;"));
        list.add(entry("SHOW GROUP", LOOKING, "describe one group", ShowGroup.class,
                "SHOW GROUP [g]",
                """
                Shows one group in detail: type, state, protection, creation and last start, log
                size and marks. Without a name, the current group. SHOW name (a setting) is SQL.""",
                "SHOW GROUP shop;"));
        list.add(entry("SHOW MARKS", LOOKING, "list a group's marks", ShowMarks.class,
                "SHOW MARKS [OF GROUP g]",
                "Lists the marks of a group, oldest first, with their time, protection, changes and comment."
                        + " Without OF GROUP, the current group.",
                "SHOW MARKS OF GROUP shop;"));
        list.add(entry("SHOW TABLES", LOOKING, "list a group's tables", ShowTables.class,
                "SHOW TABLES [OF GROUP g]",
                "Lists the tables of a group with their properties (priority, tablespaces, ignored triggers)."
                        + " Without OF GROUP, the current group.",
                "SHOW TABLES;"));
        list.add(entry("SHOW SEQUENCES", LOOKING, "list a group's sequences", ShowSequences.class,
                "SHOW SEQUENCES [OF GROUP g]",
                "Lists the sequences of a group. Without OF GROUP, the current group.",
                "SHOW SEQUENCES OF GROUP shop;"));
        list.add(entry("SHOW STATS", LOOKING, "count the changes per table", ShowStats.class,
                "SHOW STATS [OF GROUP g] [SINCE m1] [UNTIL m2] [DETAILED]",
                """
                Counts the changes recorded per table between two marks (emaj_log_stat_group), from
                the first mark and up to now when left out. DETAILED splits the counts by role and
                by statement kind: INSERT, UPDATE, DELETE, TRUNCATE (emaj_detailed_log_stat_group);
                it reads every log table, and on a terminal a progress bar follows it."""
                        + " Without OF GROUP, the current group.",
                "SHOW STATS SINCE 'before-price-update' DETAILED;"));
        list.add(entry("SHOW CHANGES", LOOKING, "show the changed rows as diffs", ShowChanges.class,
                """
                SHOW CHANGES [OF GROUP g] [ON [TABLE] s.t] SINCE m1 [UNTIL m2]
                             [CONSOLIDATED [PARTIAL | FULL]] [WHERE predicate] [LIMIT n]""",
                """
                Shows the rows changed between two marks (up to now without UNTIL) as colored diffs:
                + for inserted rows, - for deleted rows, ~ with old -> new for each changed column
                of updated rows. CONSOLIDATED gives one net change per primary key (FULL, the
                default, also leaves out rows that ended as they started; PARTIAL keeps them). WHERE
                filters with an SQL predicate on the table's columns; LIMIT stops after n changes.
                The rows stream and are paged when longer than the screen."""
                        + " Without OF GROUP, the current group.",
                """
                SHOW CHANGES SINCE 'before-price-update';
                SHOW CHANGES ON shop.product SINCE 'start' CONSOLIDATED WHERE price > 100 LIMIT 20;"""));
        list.add(entry("SHOW HISTORY", LOOKING, "show the E-Maj history of a group", ShowHistory.class,
                "SHOW HISTORY [OF GROUP g] [LIMIT n]",
                """
                Shows the operations recorded in E-Maj's history (emaj_hist): group creation,
                starts, marks, rollbacks, ..., newest first. Without OF GROUP, the current group.""",
                "SHOW HISTORY LIMIT 20;"));
        list.add(entry("SHOW ROLLBACKS", LOOKING, "list rollbacks", ShowRollbacks.class,
                "SHOW ROLLBACKS [RUNNING]",
                """
                Lists the recent rollbacks with their groups, marks, status and duration, and the
                logged rollbacks that can be consolidated. RUNNING shows the rollbacks in progress
                with their progress (emaj_rollback_activity).""",
                "SHOW ROLLBACKS RUNNING;"));
        list.add(entry("SHOW ACTIVITY", LOOKING, "watch the changes being recorded", ShowActivity.class,
                "SHOW ACTIVITY [OF GROUP g]",
                """
                Shows the changes being recorded (like E-Maj's emajStat): per logging group, then for
                its busiest tables and its sequences, the changes since the last mark and since the
                previous SHOW ACTIVITY, with their rates in changes per second. The counts come from
                the log sequences (emaj_log_stat_group), without scanning the logs. Without OF GROUP,
                the current group, or every logging group when none is selected; follow it with
                \\watch to refresh it.""",
                "SHOW ACTIVITY OF GROUP shop;"));
        list.add(entry("GENERATE SQL", LOOKING, "write the recorded changes as an SQL script", GenerateSql.class,
                "GENERATE SQL [OF GROUP g] SINCE m1 [UNTIL m2] [ON [TABLE[S] | SEQUENCE[S]] s.t, ...] [TO 'file.sql']",
                """
                Generates the SQL statements that replay the changes recorded between two marks, in
                their original order (emaj_gen_sql_group), for all the group's tables and sequences
                or those listed after ON; into the file, or on the screen without TO. Every table
                needs a primary key. On a terminal a progress bar follows the tables processed."""
                        + " Without OF GROUP, the current group.",
                "GENERATE SQL SINCE 'start' UNTIL 'eod' TO 'replay-day.sql';"));
        list.add(entry("REPLAY", LOOKING, "apply the recorded changes to another database", Replay.class,
                "REPLAY [GROUP g] SINCE m1 [UNTIL m2] ON 'conninfo' [STEP]",
                """
                Applies the changes recorded between two marks to another database (a libpq
                connection string or URI), one transaction at a time, in their original order. With
                STEP it shows each transaction as a diff and waits for next, continue or quit."""
                        + GROUP_CLAUSE_NOTE,
                "REPLAY SINCE 'start' ON 'host=replica dbname=shop' STEP;"));
        list.add(entry("VERIFY", LOOKING, "check E-Maj and every group", Verify.class,
                "VERIFY",
                """
                Checks the consistency of the E-Maj environment and of every group (emaj_verify_all):
                missing log tables, triggers or functions, changed table structures, ... and lists
                the problems found.""",
                "VERIFY;"));
        list.add(entry("SNAP GROUP", LOOKING, "copy a group's tables to files", SnapGroup.class,
                "SNAP [GROUP g] TO 'dir'",
                """
                Writes the current content of every table and sequence of the group to files in a
                directory of the database server, one per relation, sorted by primary key
                (emaj_snap_group); handy to compare states. On a terminal a progress bar follows
                the copies."""
                        + GROUP_CLAUSE_NOTE,
                "SNAP GROUP shop TO '/tmp/shop-snap';", "SNAP"));

        // Session ---------------------------------------------------------------------------------
        list.add(entry("USE", SESSION, "choose the current group", UseGroup.class,
                "USE [GROUP] g",
                """
                Makes g the current group, used by every command whose GROUP clause is left out; the
                prompt shows it (mydb/g=>).""",
                "USE shop;", "USE GROUP"));
        list.add(entry("HELP", SESSION, "show this help", Help.class,
                "HELP [command]\n\\h [command]",
                """
                Without a topic, lists the commands; with one, shows its synopsis, description and an
                example. A topic may be the first words of several commands (HELP SHOW). \\? lists
                the meta-commands.""",
                "HELP ROLLBACK;"));
        list.add(entry("INSTALL EMAJ", SESSION, "install E-Maj as a plain script", InstallEmaj.class,
                "INSTALL EMAJ",
                """
                Installs the emaj extension bundled with the shell into the current database as a
                plain SQL script, for servers where extension files cannot be added (managed
                services). Where they can, CREATE EXTENSION emaj CASCADE is SQL.""",
                "INSTALL EMAJ;"));
        list.add(entry("SQL", SESSION, "send SQL to PostgreSQL", SqlStatement.class,
                "any SQL statement ;",
                SQL_NOTES,
                """
                UPDATE shop.product SET price = price * 1.1 WHERE category = 'tea';
                CREATE ROLE auditor;
                ROLLBACK TO SAVEPOINT before_update;""",
                "ROLLBACK TO SAVEPOINT", "CREATE ROLE", "DROP ROLE", "BEGIN", "COMMIT", "SELECT"));

        // Meta-commands ---------------------------------------------------------------------------
        list.add(meta("\\q", "quit", "\\q", "Leaves the shell (also \\quit, or Ctrl-D on an empty line).", "\\q",
                "\\quit"));
        list.add(meta("\\c", "connect to another database", "\\c conninfo",
                """
                Connects to another database: a database name, a libpq connection string or a
                postgresql:// URI; the options left out keep their current values (also \\connect).""",
                "\\c dbname=shop host=db2", "\\connect"));
        list.add(meta("\\conninfo", "show the connection", "\\conninfo",
                "Shows the current database, user, host and port, and the server and E-Maj versions.",
                "\\conninfo"));
        list.add(meta("\\i", "run a script file", "\\i file",
                """
                Runs the statements of a file as if they were typed (also \\include); a relative path
                is taken from the current directory. An error stops the file unless ON_ERROR_STOP is
                off.""",
                "\\i setup.emaj", "\\include"));
        list.add(meta("\\ir", "run a script file next to this one", "\\ir file",
                """
                Like \\i, but a relative path is taken from the directory of the script that runs
                \\ir rather than from the current directory, so that scripts can include their
                neighbours wherever they are started from (also \\include_relative).""",
                "\\ir common/marks.emaj", "\\include_relative"));
        list.add(meta("\\o", "send results to a file", "\\o [file]",
                "Writes the results of the following commands to a file; \\o alone goes back to the screen (also \\out).",
                "\\o report.txt", "\\out"));
        list.add(meta("\\set", "set a variable", "\\set [name [value ...]]",
                """
                Sets a shell variable (several values are joined); \\set alone lists them. :name,
                :'name' (as a string literal) and :"name" (as an identifier) use it in later
                statements, as in psql. Settings: COLOR (on/off/auto), CONFIRM (on/off), ON_ERROR_STOP (on/off), PROMPT1 and
                PROMPT2 (the prompts, with psql's escapes %/ database, %R = or -, %x transaction
                state, %n user, %M host, %> port, %# # or >, plus %g /group and %G group; the default
                is '%/%g%R%x> ').""",
                "\\set batch 42\nMARK :'batch';"));
        list.add(meta("\\unset", "remove a variable", "\\unset name", "Removes a shell variable.", "\\unset batch"));
        list.add(meta("\\echo", "print text", "\\echo [text ...]",
                "Prints its arguments, separated by spaces; variables are substituted.",
                "\\echo rolling back :group"));
        list.add(meta("\\timing", "show how long commands take", "\\timing [on | off]",
                "Shows the duration of each command after its result; without an argument, toggles.",
                "\\timing on"));
        list.add(meta("\\x", "expanded display", "\\x [on | off | auto]",
                """
                Shows each row as a list of column = value lines (on), as a table (off), or whichever
                fits the screen (auto); without an argument, toggles.""",
                "\\x auto"));
        list.add(meta("\\pset", "set an output option", "\\pset [option [value]]",
                """
                Sets an output option, or shows them all: format aligned | expanded | csv | json |
                markdown (how results are printed), expanded on | off | auto (as \\x), linestyle
                unicode | ascii (table borders), null 'text' (how NULL shows), pager on | off |
                always (long or wide output through $PAGER, less -SRXF by default, on a terminal),
                timing on | off (as \\timing).""",
                "\\pset format csv"));
        list.add(meta("\\?", "list the meta-commands", "\\?", "Lists the meta-commands.", "\\?"));
        list.add(meta("\\h", "help on commands", "\\h [command]", "The same as HELP [command] (also \\help).",
                "\\h show changes", "\\help"));
        list.add(meta("\\watch", "repeat the last command", "\\watch [seconds]",
                "Runs the last command again every few seconds (2 by default) until Ctrl-C.",
                "SHOW GROUPS;\n\\watch 5"));

        return List.copyOf(list);
    }

    private static HelpEntry entry(String name, HelpCategory category, String summary,
                                   Class<? extends Command> type, String synopsis, String description,
                                   String example, String... aliases) {
        return new HelpEntry(name, category, summary, synopsis, description, example, type, List.of(aliases));
    }

    private static HelpEntry meta(String name, String summary, String synopsis, String description, String example,
                                  String... aliases) {
        return new HelpEntry(name, META, summary, synopsis, description, example, MetaCommand.class, List.of(aliases));
    }
}
