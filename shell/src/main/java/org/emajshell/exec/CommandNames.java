package org.emajshell.exec;

import org.emajshell.command.Command;

/** A user-facing name for a command record ("ShowStats" -> "SHOW STATS", SqlStatement -> "SQL"). */
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
        return command.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
