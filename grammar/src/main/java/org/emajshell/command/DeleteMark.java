package org.emajshell.command;

/** {@code DELETE MARK m [FROM GROUP g]} (emaj_delete_mark_group); group null = current group. */
public record DeleteMark(String group, String mark) implements Command {
    public DeleteMark {
        Check.optional(group, "group name");
        Check.required(mark, "mark name");
    }
}
