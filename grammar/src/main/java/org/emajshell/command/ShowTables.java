package org.emajshell.command;

/** {@code SHOW TABLES [OF GROUP g]}; group null = current group. */
public record ShowTables(String group) implements Command {
    public ShowTables {
        Check.optional(group, "group name");
    }
}
