package org.emajshell.command;

/** {@code RENAME MARK m TO m2 [IN GROUP g]} (emaj_rename_mark_group); group null = current group. */
public record RenameMark(String group, String mark, String newName) implements Command {
    public RenameMark {
        Check.optional(group, "group name");
        Check.required(mark, "mark name");
        Check.required(newName, "new mark name");
    }
}
