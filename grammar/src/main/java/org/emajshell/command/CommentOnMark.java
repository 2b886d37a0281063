package org.emajshell.command;

/**
 * {@code COMMENT ON MARK m [IN GROUP g] IS 'text' | NULL} (emaj_comment_mark_group); group null =
 * current group, comment null removes the comment.
 */
public record CommentOnMark(String group, String mark, String comment) implements Command {
    public CommentOnMark {
        Check.optional(group, "group name");
        Check.required(mark, "mark name");
    }
}
