package org.emajshell.command;

/**
 * {@code SHOW ACTIVITY [OF GROUP g]}: the changes being recorded, per group, table and sequence,
 * since the last mark and since the previous SHOW ACTIVITY, with rates (like E-Maj's emajStat).
 *
 * @param group null for the current group, or every logging group when none is selected
 */
public record ShowActivity(String group) implements Command {
    public ShowActivity {
        Check.optional(group, "group name");
    }
}
