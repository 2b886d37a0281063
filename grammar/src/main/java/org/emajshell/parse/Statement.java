package org.emajshell.parse;

import java.util.Objects;

/**
 * One statement cut from a script by {@link StatementSplitter}: its text (without the trailing
 * {@code ;}, without leading comments and whitespace) and where it starts in the script (line and
 * column, 1-based, columns counted in Unicode code points).
 */
public record Statement(String text, int line, int column) {

    public Statement {
        Objects.requireNonNull(text, "text must not be null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** A statement on its own, at line 1, column 1. */
    public static Statement of(String text) {
        return new Statement(text, 1, 1);
    }

    /** True for a backslash meta-command line. */
    public boolean isMetaCommand() {
        return text.startsWith("\\");
    }
}
