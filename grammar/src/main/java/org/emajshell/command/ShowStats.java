package org.emajshell.command;

/**
 * {@code SHOW STATS [OF GROUP g] [SINCE m1] [UNTIL m2] [DETAILED]} (emaj_log_stat_group /
 * emaj_detailed_log_stat_group).
 *
 * @param group null for the current group
 * @param since null for the group's first mark
 * @param until null for the current state
 */
public record ShowStats(String group, String since, String until, boolean detailed) implements Command {
    public ShowStats {
        Check.optional(group, "group name");
        Check.optional(since, "mark name");
        Check.optional(until, "mark name");
    }
}
