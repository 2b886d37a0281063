package org.emajshell.exec;

import java.util.List;

/** Fills in the current group where a command leaves its GROUP clause out. */
final class GroupResolver {

    private GroupResolver() {
    }

    static List<String> groups(List<String> given, Session session) throws CommandError {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        return List.of(group(null, session));
    }

    static String group(String given, Session session) throws CommandError {
        if (given != null) {
            return given;
        }
        return session.currentGroup().orElseThrow(() -> new CommandError(
            "no group is selected",
            "add GROUP <name> to the command, or run USE <name> first (SHOW GROUPS lists them)"));
    }
}
