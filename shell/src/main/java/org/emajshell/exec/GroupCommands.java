package org.emajshell.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.emajshell.command.AssignRelations;
import org.emajshell.command.CommentOnGroup;
import org.emajshell.command.ModifyRelations;
import org.emajshell.command.MoveRelations;
import org.emajshell.command.RemoveRelations;
import org.emajshell.command.ResetGroup;
import org.emajshell.command.CreateGroup;
import org.emajshell.command.DropGroup;
import org.emajshell.command.RelationKind;
import org.emajshell.command.StartGroups;
import org.emajshell.command.StopGroups;
import org.emajshell.command.UseGroup;
import org.emajshell.emaj.EmajClient;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.GroupSummary;
import org.emajshell.emaj.Relations;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** Group definition and life cycle: CREATE, DROP, ASSIGN, START, STOP, USE. */
final class GroupCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session session;
    private final Confirmer confirmer;

    GroupCommands(Session session, Confirmer confirmer) {
        this.session = session;
        this.confirmer = confirmer;
    }

    private EmajClient emaj() {
        return session.emaj();
    }

    Result create(CreateGroup c) throws EmajError {
        emaj().createGroup(c.group(), c.rollbackable(), c.comment());
        return new Result.Message("Group " + c.group() + " created (" + (c.rollbackable() ? "ROLLBACKABLE" : "AUDIT_ONLY")
            + "). Next: ASSIGN TABLES ... TO GROUP " + c.group() + ", then START GROUP " + c.group() + ".");
    }

    Result drop(DropGroup c) throws EmajError {
        GroupSummary group = emaj().groups().stream().filter(g -> g.name().equals(c.group())).findFirst().orElse(null);
        if (group != null) {
            List<String> explanation = List.of(
                "Drop group " + group.name() + " (" + group.state() + ", " + Plural.of(group.tables(), "table") + ", "
                    + Plural.of(group.sequences(), "sequence") + ", " + Plural.of(group.marks(), "mark") + ").",
                "Its log tables and marks will be deleted; the application tables stay as they are.");
            if (!confirmer.confirm(explanation, "Drop group " + group.name() + "?")) {
                return new Result.Message("Nothing dropped.");
            }
        }
        int count = c.force() ? emaj().forceDropGroup(c.group()) : emaj().dropGroup(c.group());
        if (session.currentGroup().filter(c.group()::equals).isPresent()) {
            session.useGroup(null);
        }
        return new Result.Message("Group " + c.group() + " dropped (" + Plural.relations(count) + ").");
    }

    Result assign(AssignRelations c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        String properties = propertiesJson(c.properties());
        if (c.kind() == RelationKind.SEQUENCE && properties != null) {
            throw new CommandError("sequences take no properties", "remove the WITH (...) clause");
        }
        int count = 0;
        for (Relations relations : RelationsResolver.resolve(c.kind(), c.selection(), session)) {
            count += emaj().assignRelations(relations, group, properties, c.mark());
        }
        return new Result.Message(Plural.of(count, word(c.kind())) + " assigned to group " + group + ".");
    }

    Result comment(CommentOnGroup c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        emaj().commentGroup(group, c.comment());
        return new Result.Message(c.comment() == null ? "Comment of group " + group + " removed."
            : "Comment of group " + group + " set.");
    }

    Result reset(ResetGroup c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        if (!confirmer.confirm(List.of("Reset group " + group + ": its marks and all its recorded changes will be deleted."),
            "Reset group " + group + "?")) {
            return new Result.Message("Nothing reset.");
        }
        int count = emaj().resetGroup(group);
        return new Result.Message("Group " + group + " reset (" + Plural.relations(count) + ").");
    }

    Result protect(String givenGroup, boolean protect) throws EmajError, CommandError {
        String group = GroupResolver.group(givenGroup, session);
        int changed = protect ? emaj().protectGroup(group) : emaj().unprotectGroup(group);
        String state = protect ? "protected against rollbacks" : "no longer protected against rollbacks";
        return new Result.Message("Group " + group + (changed == 0 ? " was already " : " is now ") + state + ".");
    }

    Result remove(RemoveRelations c) throws EmajError {
        int count = 0;
        for (Relations relations : RelationsResolver.resolve(c.kind(), c.selection(), session)) {
            count += emaj().removeRelations(relations, c.mark());
        }
        return new Result.Message(Plural.of(count, word(c.kind())) + " removed from " + (count == 1 ? "its group." : "their groups."));
    }

    Result move(MoveRelations c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        int count = 0;
        for (Relations relations : RelationsResolver.resolve(c.kind(), c.selection(), session)) {
            count += emaj().moveRelations(relations, group, c.mark());
        }
        return new Result.Message(Plural.of(count, word(c.kind())) + " moved to group " + group + ".");
    }

    Result modify(ModifyRelations c) throws EmajError {
        int count = 0;
        for (Relations relations : RelationsResolver.resolve(RelationKind.TABLE, c.selection(), session)) {
            count += emaj().modifyTables(relations, propertiesJson(c.properties()), c.mark());
        }
        return new Result.Message(Plural.of(count, "table") + " changed.");
    }

    private static String word(RelationKind kind) {
        return kind == RelationKind.TABLE ? "table" : "sequence";
    }

    static String propertiesJson(Map<String, Object> properties) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("table properties cannot be written as JSON", e);
        }
    }

    Result start(StartGroups c) throws EmajError, CommandError {
        List<String> groups = GroupResolver.groups(c.groups(), session);
        int count = emaj().startGroups(groups, c.mark(), !c.keepLog());
        return new Result.Message(groupsWord(groups) + " started" + markSuffix(groups) + " ("
            + Plural.relations(count) + ").");
    }

    Result stop(StopGroups c) throws EmajError, CommandError {
        List<String> groups = GroupResolver.groups(c.groups(), session);
        if (c.force()) {
            int count = 0;
            for (String g : groups) {
                count += emaj().forceStopGroup(g);
            }
            return new Result.Message(groupsWord(groups) + " force-stopped (" + Plural.relations(count) + ").");
        }
        emaj().stopGroups(groups, c.mark());
        return new Result.Message(groupsWord(groups) + " stopped" + markSuffix(groups) + ".");
    }

    Result use(UseGroup c) throws EmajError, CommandError {
        if (!emaj().groupExists(c.group())) {
            throw new CommandError("the group \"" + c.group() + "\" does not exist", "SHOW GROUPS lists the groups");
        }
        session.useGroup(c.group());
        return new Result.Message("Current group is now " + c.group() + ".");
    }

    /** "Group shop" / "Groups a, b", to start a sentence. */
    static String groupsWord(List<String> groups) {
        String phrase = groupsPhrase(groups);
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }

    /** "group shop" / "groups a, b". */
    static String groupsPhrase(List<String> groups) {
        return (groups.size() == 1 ? "group " : "groups ") + String.join(", ", groups);
    }

    /**
     * The first facts of a command on groups, for --format json: "group" when there is one, and
     * "groups" always. The map keeps its order; callers add their own facts after these.
     */
    static Map<String, Object> groupFacts(List<String> groups) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (groups.size() == 1) {
            facts.put("group", groups.get(0));
        }
        facts.put("groups", List.copyOf(groups));
        return facts;
    }

    /** " with mark 'START_...'": the name E-Maj really gave, which may come from a default or '%'. */
    private String markSuffix(List<String> groups) throws EmajError {
        var marks = emaj().marks(groups.get(0));
        return marks.isEmpty() ? "" : " with mark '" + marks.get(marks.size() - 1).name() + "'";
    }
}
