package org.emajshell.exec;

import org.emajshell.command.CommentOnMark;
import org.emajshell.command.DeleteMark;
import org.emajshell.command.DeleteMarksBefore;
import org.emajshell.command.RenameMark;
import org.emajshell.command.SetMark;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.GroupSummary;
import org.emajshell.emaj.MarkInfo;

import java.util.List;
import java.util.Map;

/** MARK and the other mark commands. */
final class MarkCommands {

    private final Session session;
    private final Confirmer confirmer;

    MarkCommands(Session session, Confirmer confirmer) {
        this.session = session;
        this.confirmer = confirmer;
    }

    Result rename(RenameMark c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        session.emaj().renameMark(group, c.mark(), c.newName());
        return new Result.Message("Mark '" + c.mark() + "' of group " + group + " renamed to '" + c.newName() + "'.");
    }

    Result comment(CommentOnMark c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        session.emaj().commentMark(group, c.mark(), c.comment());
        return new Result.Message("Comment of mark '" + c.mark() + "' " + (c.comment() == null ? "removed." : "set."));
    }

    Result delete(DeleteMark c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        if (!confirmer.confirm(List.of("Delete mark '" + c.mark() + "' of group " + group
                + ": rollbacks to it will no longer be possible."), "Delete the mark?")) {
            return new Result.Message("Nothing deleted.");
        }
        session.emaj().deleteMark(group, c.mark());
        return new Result.Message("Mark '" + c.mark() + "' of group " + group + " deleted.");
    }

    Result deleteBefore(DeleteMarksBefore c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        List<MarkInfo> marks = session.emaj().marks(group);
        List<String> before = new java.util.ArrayList<>();
        for (MarkInfo m : marks) {
            if (m.name().equals(c.mark())) {
                break;
            }
            before.add(m.name());
        }
        if (!confirmer.confirm(List.of("Delete the marks of group " + group + " before '" + c.mark() + "' ("
                + (before.isEmpty() ? "none" : String.join(", ", before)) + ") and the changes recorded before it."),
            "Delete them?")) {
            return new Result.Message("Nothing deleted.");
        }
        int count = session.emaj().deleteMarksBefore(group, c.mark());
        return new Result.Message(Plural.of(count, "mark") + " of group " + group + " deleted.");
    }

    Result protect(String givenGroup, String mark, boolean protect) throws EmajError, CommandError {
        String group = GroupResolver.group(givenGroup, session);
        int changed = protect ? session.emaj().protectMark(group, mark) : session.emaj().unprotectMark(group, mark);
        String state = protect ? "protected: no rollback may go before it" : "no longer protected";
        return new Result.Message("Mark '" + mark + "' of group " + group + (changed == 0 ? " was already " : " is now ")
            + state + ".");
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
        // the mark's real name (a '%' in it became a time stamp) as a field, for --format json
        Map<String, Object> facts = GroupCommands.groupFacts(groups);
        facts.put("mark", name);
        facts.put("tables", tables);
        facts.put("sequences", sequences);
        return new Result.Outcome("Mark '" + name + "' set on " + (groups.size() == 1 ? "group " : "groups ")
            + String.join(", ", groups) + " (" + Plural.of(tables, "table") + ", " + Plural.of(sequences, "sequence") + ").",
            facts);
    }
}
