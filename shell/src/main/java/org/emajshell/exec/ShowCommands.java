package org.emajshell.exec;

import org.emajshell.command.ShowMarks;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.GroupSummary;
import org.emajshell.emaj.MarkInfo;
import org.emajshell.render.Column;
import org.emajshell.render.Table;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** SHOW GROUPS, SHOW MARKS: what is recorded, as tables. */
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
}
