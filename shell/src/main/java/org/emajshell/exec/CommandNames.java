package org.emajshell.exec;

import org.emajshell.command.Command;

/** A user-facing name for a command record ("ShowStats" -> "SHOW STATS"). */
final class CommandNames {

    private CommandNames() {
    }

    static String of(Command command) {
        return command.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
