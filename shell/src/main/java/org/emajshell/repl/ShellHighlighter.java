package org.emajshell.repl;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.emajshell.parse.CommandParser;
import org.emajshell.parse.Statement;
import org.emajshell.parse.StatementSplitter;
import org.emajshell.parse.SyntaxError;
import org.emajshell.parse.antlr.EmajShellLexer;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Colors the buffer as it is typed, with the grammar's own lexer: keywords, names, strings,
 * numbers, comments, variables and meta-commands each in their color; from the first token the
 * grammar cannot accept to the end of its statement, red. A word still being typed at the end of
 * the buffer is not an error while it may become a keyword that fits.
 */
final class ShellHighlighter implements Highlighter {

    static final AttributedStyle KEYWORD = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE).bold();
    static final AttributedStyle NAME = AttributedStyle.DEFAULT;
    static final AttributedStyle QUOTED_NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).faint();
    static final AttributedStyle VARIABLE = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold();
    static final AttributedStyle META = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold();
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();

    private final StatementSplitter splitter = new StatementSplitter();
    private final CommandParser parser = new CommandParser();

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        try {
            return highlight(buffer);
        } catch (RuntimeException e) {
            // colors are a help: a bug here must never stop the user from typing
            return new AttributedString(buffer);
        }
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // errors come from the grammar, not from a pattern
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // errors come from the grammar
    }

    AttributedString highlight(String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder(buffer.length());
        EmajShellLexer lexer = new EmajShellLexer(CharStreams.fromString(buffer));
        lexer.removeErrorListeners();
        int cp = 0;
        int at = 0;
        for (Token t : lexer.getAllTokens()) {
            // Tokens count code points; the buffer is indexed in chars.
            int start = advance(buffer, at, t.getStartIndex() - cp);
            int end = advance(buffer, start, t.getStopIndex() + 1 - t.getStartIndex());
            if (start > at) {
                sb.append(buffer.substring(at, start));
            }
            sb.styled(style(t), buffer.substring(start, end));
            cp = t.getStopIndex() + 1;
            at = end;
        }
        if (at < buffer.length()) {
            sb.append(buffer.substring(at));
        }
        AttributedString colored = sb.toAttributedString();
        List<int[]> errors = errors(buffer);
        if (errors.isEmpty()) {
            return colored;
        }
        AttributedStringBuilder out = new AttributedStringBuilder(buffer.length());
        int from = 0;
        for (int[] e : errors) {
            out.append(colored.subSequence(from, e[0]));
            out.styled(ERROR, buffer.substring(e[0], e[1]));
            from = e[1];
        }
        out.append(colored.subSequence(from, buffer.length()));
        return out.toAttributedString();
    }

    private static int advance(String s, int index, int codePoints) {
        try {
            return s.offsetByCodePoints(index, codePoints);
        } catch (IndexOutOfBoundsException e) {
            return s.length();
        }
    }

    private static AttributedStyle style(Token t) {
        int type = t.getType();
        String text = t.getText();
        switch (type) {
            case EmajShellLexer.IDENTIFIER:
                return NAME;
            case EmajShellLexer.QUOTED_IDENTIFIER:
            case EmajShellLexer.UNICODE_QUOTED_IDENTIFIER:
                return QUOTED_NAME;
            case EmajShellLexer.STRING:
            case EmajShellLexer.ESCAPE_STRING:
            case EmajShellLexer.UNICODE_STRING:
            case EmajShellLexer.DOLLAR_STRING:
            case EmajShellLexer.META_SQ:
            case EmajShellLexer.META_DQ:
                return STRING;
            case EmajShellLexer.UNTERMINATED:
                if (text.startsWith("/*")) {
                    return COMMENT;
                }
                return text.startsWith("\"") || text.startsWith("U&\"") ? QUOTED_NAME : STRING;
            case EmajShellLexer.INTEGER:
            case EmajShellLexer.NUMERIC:
                return NUMBER;
            case EmajShellLexer.LINE_COMMENT:
            case EmajShellLexer.BLOCK_COMMENT:
                return COMMENT;
            case EmajShellLexer.VARIABLE:
            case EmajShellLexer.META_VARIABLE:
            case EmajShellLexer.PARAM:
                return VARIABLE;
            case EmajShellLexer.META_NAME:
                return META;
            case EmajShellLexer.OTHER:
                return ERROR;
            default:
                return isKeyword(type) ? KEYWORD : AttributedStyle.DEFAULT;
        }
    }

    static boolean isKeyword(int type) {
        String literal = EmajShellLexer.VOCABULARY.getLiteralName(type);
        String symbolic = EmajShellLexer.VOCABULARY.getSymbolicName(type);
        return literal != null && symbolic != null && literal.equals("'" + symbolic + "'");
    }

    /**
     * The ranges (char indexes, end excluded) to show in red: in each statement, from the token
     * the grammar cannot accept to the end of the statement.
     */
    List<int[]> errors(String buffer) {
        List<int[]> ranges = new ArrayList<>();
        int[] lineStarts = lineStarts(buffer);
        String parsed = withoutVariables(buffer);
        for (Statement s : splitter.split(parsed)) {
            int stmtStart = index(buffer, lineStarts, s.line(), s.column());
            int stmtEnd = Math.min(buffer.length(), stmtStart + s.text().length());
            try {
                parser.parse(s);
            } catch (SyntaxError e) {
                if (e.atEndOfInput()) {
                    continue;
                }
                int errorStart = index(buffer, lineStarts, e.line(), e.column());
                if (errorStart < stmtStart || errorStart >= stmtEnd) {
                    continue;
                }
                if (stillTyping(buffer, errorStart, e)) {
                    continue;
                }
                ranges.add(new int[] {errorStart, stmtEnd});
            }
        }
        return ranges;
    }

    /**
     * The buffer with each variable reference ({@code :name}, {@code :'name'}, {@code :"name"}),
     * which is replaced before parsing when the command runs, replaced by a name, a string or a
     * quoted name of the same length, so that positions stay.
     */
    private static String withoutVariables(String buffer) {
        if (buffer.indexOf(':') < 0) {
            return buffer;
        }
        StringBuilder sb = new StringBuilder(buffer);
        EmajShellLexer lexer = new EmajShellLexer(CharStreams.fromString(buffer));
        lexer.removeErrorListeners();
        for (Token t : lexer.getAllTokens()) {
            if (t.getType() != EmajShellLexer.VARIABLE) {
                continue;
            }
            int start = buffer.offsetByCodePoints(0, t.getStartIndex());
            String text = t.getText();
            String same;
            if (text.startsWith(":'") || text.startsWith(":\"")) {
                same = text.substring(1) + " ";
            } else {
                same = "_" + text.substring(1);
            }
            sb.replace(start, start + text.length(), same);
        }
        return sb.toString();
    }

    /**
     * True when the offending token is the last thing in the buffer and may still become what is
     * expected (a keyword being typed, an open quote).
     */
    private static boolean stillTyping(String buffer, int errorStart, SyntaxError e) {
        String rest = buffer.substring(errorStart);
        String word = e.offendingText();
        if (!rest.equals(word)) {
            return false;
        }
        if (word.startsWith("'") || word.startsWith("\"") || word.startsWith("$") || word.startsWith("/*")) {
            return true;
        }
        String upper = word.toUpperCase(Locale.ROOT);
        for (String expected : e.expected()) {
            if (expected.startsWith(upper)) {
                return true;
            }
        }
        return false;
    }

    private static int[] lineStarts(String buffer) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < buffer.length(); i++) {
            if (buffer.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The char index of a 1-based line and code point column. */
    private static int index(String buffer, int[] lineStarts, int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return buffer.length();
        }
        return advance(buffer, lineStarts[line - 1], Math.max(0, column - 1));
    }
}
