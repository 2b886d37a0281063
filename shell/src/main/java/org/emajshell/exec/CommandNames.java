package org.emajshell.exec;

import org.emajshell.command.Command;

/**
 * A user-facing name for a command record: its HELP topic ("SHOW STATS", "START GROUP"), "SQL" for
 * SQL statements, "\\name" for meta-commands. JSON output names results with it.
 */
public final class CommandNames {

    private CommandNames() {
    }

    public static String of(Command command) {
        if (command instanceof org.emajshell.command.SqlStatement) {
            return "SQL";
        }
        if (command instanceof org.emajshell.command.SetMark) {
            return "MARK";
        }
        if (command instanceof org.emajshell.command.MetaCommand m) {
            return "\\" + m.name();
        }
        // HELP's name, which the man page documents: START GROUP for StartGroups, ASSIGN for AssignRelations
        var entries = org.emajshell.command.help.HelpTopics.entriesFor(command.getClass());
        if (entries.size() == 1) {
            return entries.get(0).name();
        }
        return command.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
