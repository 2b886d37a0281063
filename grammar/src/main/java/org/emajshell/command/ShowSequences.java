package org.emajshell.command;

/** {@code SHOW SEQUENCES [OF GROUP g]}; group null = current group. */
public record ShowSequences(String group) implements Command {
    public ShowSequences {
        Check.optional(group, "group name");
    }
}
