package org.emajshell.command;

/**
 * {@code DELETE MARKS BEFORE m [IN GROUP g]} (emaj_delete_before_mark_group): delete the marks
 * before m and the logs older than m; group null = current group.
 */
public record DeleteMarksBefore(String group, String mark) implements Command {
    public DeleteMarksBefore {
        Check.optional(group, "group name");
        Check.required(mark, "mark name");
    }
}
