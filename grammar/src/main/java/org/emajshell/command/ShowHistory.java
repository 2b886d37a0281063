package org.emajshell.command;

/** {@code SHOW HISTORY [OF GROUP g] [LIMIT n]} (emaj_hist); group null = current group. */
public record ShowHistory(String group, Long limit) implements Command {
    public ShowHistory {
        Check.optional(group, "group name");
        Check.notNegative(limit, "LIMIT");
    }
}
