package org.emajshell.command;

/** {@code PROTECT MARK m [IN GROUP g]} (emaj_protect_mark_group); group null = current group. */
public record ProtectMark(String group, String mark) implements Command {
    public ProtectMark {
        Check.optional(group, "group name");
        Check.required(mark, "mark name");
    }
}
