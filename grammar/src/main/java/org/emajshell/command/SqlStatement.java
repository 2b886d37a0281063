package org.emajshell.command;

/**
 * An SQL statement passed to the server: the exact original text (comments inside it included),
 * without leading comments and without the trailing {@code ;}.
 */
public record SqlStatement(String sql) implements Command {
    public SqlStatement {
        Check.required(sql, "SQL text");
    }
}
