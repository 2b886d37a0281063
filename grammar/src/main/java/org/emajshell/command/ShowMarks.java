package org.emajshell.command;

/** {@code SHOW MARKS [OF GROUP g]}; group null = current group. */
public record ShowMarks(String group) implements Command {
    public ShowMarks {
        Check.optional(group, "group name");
    }
}
