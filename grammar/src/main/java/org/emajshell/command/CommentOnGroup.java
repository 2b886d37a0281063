package org.emajshell.command;

/** {@code COMMENT ON GROUP g IS 'text' | NULL} (emaj_comment_group); {@code comment} null removes it. */
public record CommentOnGroup(String group, String comment) implements Command {
    public CommentOnGroup {
        Check.required(group, "group name");
    }
}
