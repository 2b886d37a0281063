package org.emajshell.command;

/** {@code SHOW GROUP [g]}: one group in detail; group null = current group. */
public record ShowGroup(String group) implements Command {
    public ShowGroup {
        Check.optional(group, "group name");
    }
}
