package org.emajshell.exec;

import org.emajshell.command.SetMark;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.GroupSummary;
import org.emajshell.emaj.MarkInfo;

import java.util.List;

/** MARK and the other mark commands. */
final class MarkCommands {

    private final Session session;

    MarkCommands(Session session) {
        this.session = session;
    }

    Result set(SetMark c) throws EmajError, CommandError {
        List<String> groups = GroupResolver.groups(c.groups(), session);
        session.emaj().setMark(groups, c.mark(), c.comment());
        List<MarkInfo> marks = session.emaj().marks(groups.get(0));
        String name = marks.isEmpty() ? c.mark() : marks.get(marks.size() - 1).name();
        int tables = 0;
        int sequences = 0;
        for (GroupSummary g : session.emaj().groups()) {
            if (groups.contains(g.name())) {
                tables += g.tables();
                sequences += g.sequences();
            }
        }
        return new Result.Message("Mark '" + name + "' set on " + (groups.size() == 1 ? "group " : "groups ")
            + String.join(", ", groups) + " (" + Plural.of(tables, "table") + ", " + Plural.of(sequences, "sequence") + ").");
    }
}
