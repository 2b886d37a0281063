package org.emajshell.command;

/** {@code UNPROTECT MARK m [IN GROUP g]} (emaj_unprotect_mark_group); group null = current group. */
public record UnprotectMark(String group, String mark) implements Command {
    public UnprotectMark {
        Check.optional(group, "group name");
        Check.required(mark, "mark name");
    }
}
