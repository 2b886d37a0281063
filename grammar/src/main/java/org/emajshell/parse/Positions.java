package org.emajshell.parse;

import java.util.List;

import org.antlr.v4.runtime.Token;

/**
 * Maps token positions inside one statement's text to positions in the whole script, using the
 * statement's own start (line and column, 1-based).
 */
final class Positions {

    private final int baseLine;
    private final int baseColumn;

    Positions(Statement statement) {
        this.baseLine = statement.line();
        this.baseColumn = statement.column();
    }

    int line(Token t) {
        return baseLine + t.getLine() - 1;
    }

    int column(Token t) {
        return t.getLine() == 1 ? baseColumn + t.getCharPositionInLine() : t.getCharPositionInLine() + 1;
    }

    SyntaxError error(Token t, String problem) {
        return error(t, problem, List.of(), null);
    }

    SyntaxError error(Token t, String problem, List<String> expected, String suggestion) {
        boolean atEnd = t.getType() == Token.EOF;
        return new SyntaxError(problem, line(t), column(t), atEnd ? "" : t.getText(), atEnd, expected, suggestion);
    }
}
