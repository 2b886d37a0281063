package org.emajshell.exec;

import org.emajshell.command.ShowGroup;
import org.emajshell.command.ShowHistory;
import org.emajshell.command.ShowMarks;
import org.emajshell.command.ShowRollbacks;
import org.emajshell.command.ShowStats;
import org.emajshell.emaj.BackendActivity;
import org.emajshell.emaj.DetailedChanges;
import org.emajshell.emaj.HistoryEntry;
import org.emajshell.emaj.RelationInfo;
import org.emajshell.emaj.RollbackRecord;
import org.emajshell.emaj.SequenceChanges;
import org.emajshell.emaj.TableChanges;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.GroupSummary;
import org.emajshell.emaj.MarkInfo;
import org.emajshell.render.Column;
import org.emajshell.render.ProgressBar;
import org.emajshell.render.Table;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The SHOW commands and VERIFY: what is recorded, as tables. */
final class ShowCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Session session;

    ShowCommands(Session session) {
        this.session = session;
    }

    Result groups() throws EmajError {
        List<GroupSummary> groups = session.emaj().groups();
        List<Column> columns = List.of(Column.left("group"), Column.left("type"), Column.left("state"),
            Column.right("tables"), Column.right("sequences"), Column.right("marks"),
            Column.right("changes since last mark"), Column.left("comment"));
        List<List<String>> rows = new ArrayList<>();
        for (GroupSummary g : groups) {
            String state = g.state() + (g.logging() && g.protectedAgainstRollback() && g.rollbackable() ? " (protected)" : "");
            rows.add(java.util.Arrays.asList(g.name(), g.type(), state, String.valueOf(g.tables()),
                String.valueOf(g.sequences()), String.valueOf(g.marks()),
                g.changesSinceLastMark() == null ? null : String.valueOf(g.changesSinceLastMark()), g.comment()));
        }
        return new Result.Rows(new Table(columns, rows, Table.countFooter(rows.size(), "group", "groups")));
    }

    Result marks(ShowMarks c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        if (!session.emaj().groupExists(group)) {
            throw new CommandError("the group \"" + group + "\" does not exist", "SHOW GROUPS lists the groups");
        }
        List<MarkInfo> marks = session.emaj().marks(group);
        List<Column> columns = List.of(Column.left("mark"), Column.left("time"), Column.left("protected"),
            Column.right("changes until next"), Column.left("comment"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            MarkInfo m = marks.get(i);
            Long changes = m.changesUntilNext();
            if (i == marks.size() - 1) {
                changes = session.emaj().changesSince(group, m.name());
            }
            rows.add(java.util.Arrays.asList(m.name(), m.time() == null ? null : TIME.format(m.time()),
                m.protectedAgainstRollback() ? "yes" : "", changes == null ? null : String.valueOf(changes),
                m.comment()));
        }
        return new Result.Rows(new Table(columns, rows,
            Table.countFooter(rows.size(), "mark", "marks") + " of group " + group
                + (marks.isEmpty() ? "" : "; the last line counts changes until now")));
    }

    Result group(ShowGroup c) throws EmajError, CommandError {
        String name = GroupResolver.group(c.group(), session);
        GroupSummary g = session.emaj().groups().stream().filter(x -> x.name().equals(name)).findFirst()
            .orElseThrow(() -> new CommandError("the group \"" + name + "\" does not exist", "SHOW GROUPS lists the groups"));
        List<MarkInfo> marks = session.emaj().marks(name);
        List<Column> columns = List.of(Column.left("property"), Column.left("value"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("group", g.name()));
        rows.add(List.of("type", g.type()));
        rows.add(List.of("state", g.state()));
        rows.add(List.of("protected against rollback", g.rollbackable() && g.protectedAgainstRollback() ? "yes" : "no"));
        rows.add(List.of("tables", String.valueOf(g.tables())));
        rows.add(List.of("sequences", String.valueOf(g.sequences())));
        rows.add(List.of("marks", String.valueOf(g.marks())));
        rows.add(List.of("first mark", marks.isEmpty() ? "" : marks.get(0).name()));
        rows.add(List.of("last mark", marks.isEmpty() ? "" : marks.get(marks.size() - 1).name()));
        rows.add(List.of("changes since last mark", g.changesSinceLastMark() == null ? "" : String.valueOf(g.changesSinceLastMark())));
        rows.add(List.of("comment", g.comment() == null ? "" : g.comment()));
        return new Result.Rows(new Table(columns, rows, "(group " + name + ")"));
    }

    Result relations(String givenGroup, boolean tables) throws EmajError, CommandError {
        String group = GroupResolver.group(givenGroup, session);
        List<RelationInfo> relations = session.emaj().relations(group).stream()
            .filter(r -> r.isTable() == tables).toList();
        List<Column> columns = tables
            ? List.of(Column.left("table"), Column.right("priority"), Column.left("log table"))
            : List.of(Column.left("sequence"));
        List<List<String>> rows = new ArrayList<>();
        for (RelationInfo r : relations) {
            rows.add(tables
                ? java.util.Arrays.asList(r.qualifiedName(), r.priority() == null ? null : String.valueOf(r.priority()),
                    r.logSchema() + "." + r.logTable())
                : List.of(r.qualifiedName()));
        }
        String noun = tables ? "table" : "sequence";
        return new Result.Rows(new Table(columns, rows,
            Table.countFooter(rows.size(), noun, noun + "s") + " in group " + group));
    }

    Result stats(ShowStats c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        String since = c.since() == null ? firstMark(group) : c.since();
        List<String> groups = List.of(group);
        String range = "since '" + since + "'" + (c.until() == null ? "" : " until '" + c.until() + "'");
        if (c.detailed()) {
            // Reads every log table of the group, which takes a while: a progress bar follows it.
            return new Result.Streamed(printer -> detailedStats(group, since, c.until(), range, printer.progress()));
        }
        List<TableChanges> tables = session.emaj().logStat(groups, since, c.until());
        List<SequenceChanges> sequences = session.emaj().sequenceStat(groups, since, c.until());
        List<List<String>> out = new ArrayList<>();
        long total = 0;
        for (TableChanges t : tables) {
            out.add(List.of(t.qualifiedName(), "table", String.valueOf(t.rows())));
            total += t.rows();
        }
        for (SequenceChanges s : sequences) {
            out.add(List.of(s.qualifiedName(), "sequence" + (s.structureChanged() ? " (altered)" : ""),
                String.valueOf(s.increments())));
        }
        return new Result.Rows(new Table(List.of(Column.left("relation"), Column.left("kind"),
            Column.right("changes")), out,
            "(" + Plural.of(total, "row change") + " in " + Plural.of(tables.size(), "table") + " of group " + group
                + " " + range + "; sequences show increments)"));
    }

    private Result detailedStats(String group, String since, String until, String range, ProgressBar bar)
        throws EmajError {
        List<String> groups = List.of(group);
        TablesReached reached = TablesReached.of(session,
            activity -> activity.logTables(groups, since, until, BackendActivity.LogOrder.STATISTICS), false);
        try (LiveProgress watch = LiveProgress.start(session, reached, bar, "statistics")) {
            List<DetailedChanges> rows = session.emaj().detailedLogStat(groups, since, until);
            List<List<String>> out = new ArrayList<>();
            long total = 0;
            for (DetailedChanges d : rows) {
                out.add(List.of(d.qualifiedName(), d.role(), d.verb(), String.valueOf(d.rows())));
                total += d.rows();
            }
            watch.finish(LiveProgress.facts(reached.allDone(), LiveProgress.count(total) + " rows"));
            return new Result.Rows(new Table(List.of(Column.left("table"), Column.left("role"), Column.left("verb"),
                Column.right("rows")), out, "(" + Plural.of(total, "change") + " in group " + group + " " + range + ")"));
        }
    }

    private String firstMark(String group) throws EmajError, CommandError {
        List<MarkInfo> marks = session.emaj().marks(group);
        if (marks.isEmpty()) {
            throw new CommandError("the group \"" + group + "\" has no mark", "START GROUP or MARK sets one");
        }
        return marks.get(0).name();
    }

    Result history(ShowHistory c) throws EmajError {
        String group = c.group() != null ? c.group() : session.currentGroup().orElse(null);
        List<HistoryEntry> entries = session.emaj().history(group, c.limit() == null ? 20 : c.limit());
        List<List<String>> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            rows.add(java.util.Arrays.asList(String.valueOf(e.id()), e.time() == null ? null : TIME.format(e.time()),
                e.function(), e.event(), e.object(), e.wording(), e.user()));
        }
        return new Result.Rows(new Table(List.of(Column.right("id"), Column.left("time"), Column.left("function"),
            Column.left("event"), Column.left("object"), Column.left("wording"), Column.left("user")), rows,
            Table.countFooter(rows.size(), "entry", "entries") + (group == null ? "" : " about group " + group)
                + ", newest first"));
    }

    Result rollbacks(ShowRollbacks c) throws EmajError {
        List<RollbackRecord> records = session.emaj().rollbacks(c.running(), 20);
        List<List<String>> rows = new ArrayList<>();
        for (RollbackRecord r : records) {
            String progress = c.running()
                ? (r.completionPct() == null ? "" : r.completionPct() + " %") + (r.remaining() == null ? "" : ", " + r.remaining() + " left")
                : (r.tablesDone() == null ? "" : r.tablesDone() + " / " + r.tables() + " tables");
            rows.add(java.util.Arrays.asList(String.valueOf(r.id()), String.join(", ", r.groups()), r.mark(),
                r.logged() ? "logged" : "unlogged", r.status(), r.start() == null ? null : TIME.format(r.start()),
                progress, r.comment()));
        }
        return new Result.Rows(new Table(List.of(Column.right("id"), Column.left("groups"), Column.left("mark"),
            Column.left("kind"), Column.left("status"), Column.left("started"), Column.left(c.running() ? "progress" : "tables"),
            Column.left("comment")), rows,
            Table.countFooter(rows.size(), c.running() ? "running rollback" : "rollback",
                c.running() ? "running rollbacks" : "rollbacks")));
    }

    Result verify() throws EmajError {
        List<String> lines = session.emaj().verifyAll();
        List<List<String>> rows = lines.stream().map(List::of).toList();
        long errors = lines.stream().filter(l -> l.startsWith("Error")).count();
        long warnings = lines.stream().filter(l -> l.startsWith("Warning")).count();
        return new Result.Rows(new Table(List.of(Column.left("emaj_verify_all")), rows,
            "(" + Plural.of(errors, "error") + ", " + Plural.of(warnings, "warning") + ")"));
    }
}
