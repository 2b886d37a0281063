package org.emajshell.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement the shell cannot read, with where (line and column, 1-based, relative to the whole
 * script) and what could have come there instead.
 *
 * <p>{@link #render(String)} gives the text the user sees:
 * <pre>
 * ERROR: syntax error at line 1, column 1
 *   ROLLBAK TO 'start';
 *   ^^^^^^^
 *   Expecting: ROLLBACK, RELEASE, REVOKE, RESET, ...   (did you mean ROLLBACK?)
 * </pre>
 */
public final class SyntaxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Beyond this many expected tokens, render shows the closest few and "...". */
    private static final int SHORT_LIST = 8;
    private static final int SHOWN_OF_LONG_LIST = 4;

    private final String problem;
    private final int line;
    private final int column;
    private final String offendingText;
    private final boolean atEndOfInput;
    private final List<String> expected;
    private final String suggestion;

    /**
     * @param problem       what is wrong, e.g. "syntax error" or "unterminated quoted string"
     * @param offendingText the text of the offending token, "" at the end of the input
     * @param expected      display names of the tokens that could have come there (sorted here)
     * @param suggestion    a keyword the user probably meant, or null
     */
    public SyntaxError(String problem, int line, int column, String offendingText, boolean atEndOfInput,
                       List<String> expected, String suggestion) {
        super(null, null, false, false); // the message is built when asked for; no stack trace needed
        this.problem = Objects.requireNonNull(problem, "problem");
        this.line = line;
        this.column = column;
        this.offendingText = Objects.requireNonNull(offendingText, "offendingText");
        this.atEndOfInput = atEndOfInput;
        this.expected = sorted(expected);
        this.suggestion = suggestion;
    }

    /** One line: problem, position, what was found, what was expected, the suggestion. */
    @Override
    public String getMessage() {
        return message(problem, line, column, offendingText, atEndOfInput, expected, suggestion);
    }

    /** What is wrong: "syntax error", "unterminated quoted string", "integer out of range", ... */
    public String problem() {
        return problem;
    }

    /** 1-based line in the script. */
    public int line() {
        return line;
    }

    /** 1-based column (Unicode code points) in that line. */
    public int column() {
        return column;
    }

    /** The text of the offending token; empty at the end of the input. */
    public String offendingText() {
        return offendingText;
    }

    public boolean atEndOfInput() {
        return atEndOfInput;
    }

    /** Display names of what could have come there, sorted: keywords, then ';' and the like, then &lt;kinds&gt;. */
    public List<String> expected() {
        return expected;
    }

    /** The keyword the user probably meant ("did you mean ROLLBACK?"). */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }

    /**
     * The error as shown to the user: the message line, the offending source line with a caret
     * under the offending token, and the expected tokens. {@code sourceText} is the text the
     * positions refer to (the whole script, or the statement given to the parser); lines are
     * separated by "\n" and the result has no trailing newline.
     */
    public String render(String sourceText) {
        StringBuilder out = new StringBuilder();
        out.append("ERROR: ").append(problem).append(" at line ").append(line).append(", column ").append(column);
        if (atEndOfInput) {
            out.append(" (end of input)");
        }
        String sourceLine = sourceLine(sourceText, line);
        if (sourceLine != null) {
            out.append("\n  ").append(sourceLine).append("\n  ");
            int[] cps = sourceLine.codePoints().toArray();
            int start = Math.min(Math.max(column - 1, 0), cps.length);
            for (int i = 0; i < start; i++) {
                out.append(cps[i] == '\t' ? '\t' : ' ');
            }
            int length = atEndOfInput ? 1 : (int) offendingText.codePoints().takeWhile(c -> c != '\n' && c != '\r').count();
            length = Math.max(1, Math.min(length, Math.max(1, cps.length - start)));
            out.append("^".repeat(length));
        }
        String expecting = expectingLine();
        if (!expecting.isEmpty()) {
            out.append("\n  ").append(expecting);
        }
        return out.toString();
    }

    /** "Expecting: A, B, ...   (did you mean A?)" or "" when there is nothing to say. */
    String expectingLine() {
        StringBuilder out = new StringBuilder();
        if (!expected.isEmpty()) {
            out.append("Expecting: ").append(String.join(", ", displayList()));
        }
        if (suggestion != null) {
            if (out.length() > 0) {
                out.append("   (did you mean ").append(suggestion).append("?)");
            } else {
                out.append("Did you mean ").append(suggestion).append('?');
            }
        }
        return out.toString();
    }

    /** The expected tokens to show: all of a short list, or the closest few of a long one and "...". */
    List<String> displayList() {
        return displayList(expected, offendingText);
    }

    private static List<String> displayList(List<String> expected, String offendingText) {
        if (expected.size() <= SHORT_LIST) {
            return expected;
        }
        String upper = offendingText.toUpperCase(Locale.ROOT);
        String typed = upper.length() > 32 ? upper.substring(0, 32) : upper;
        java.util.Map<String, Integer> distance = new java.util.HashMap<>();
        for (String e : expected) {
            distance.put(e, closeness(typed, e));
        }
        List<String> byCloseness = new ArrayList<>(expected);
        byCloseness.sort(Comparator.comparingInt((String e) -> distance.get(e)).thenComparing(ORDER));
        List<String> shown = new ArrayList<>(byCloseness.subList(0, SHOWN_OF_LONG_LIST));
        shown.add("...");
        return shown;
    }

    private static int closeness(String typed, String candidate) {
        if (candidate.startsWith("<") || candidate.startsWith("'")) {
            return Integer.MAX_VALUE / 2;
        }
        if (typed.isEmpty()) {
            return 0;
        }
        int d = EditDistance.between(typed, candidate);
        // A shared first letter counts as closer (ROLLBAK is nearer RESET than COMMIT), and shell
        // keywords come before the words that only start SQL statements.
        return 4 * d - (candidate.charAt(0) == typed.charAt(0) ? 2 : 0)
                + (TokenNames.isSqlOnlyKeyword(candidate) ? 8 : 0);
    }

    private static String message(String problem, int line, int column, String offendingText, boolean atEnd,
                                  List<String> expected, String suggestion) {
        StringBuilder m = new StringBuilder(problem).append(" at line ").append(line).append(", column ").append(column);
        if (atEnd) {
            m.append(": unexpected end of input");
        } else if (!offendingText.isEmpty() && problem.equals("syntax error")) {
            m.append(": unexpected '").append(abbreviate(offendingText)).append('\'');
        }
        if (!expected.isEmpty()) {
            m.append("; expecting ").append(String.join(", ", displayList(expected, offendingText)));
        }
        if (suggestion != null) {
            m.append(" (did you mean ").append(suggestion).append("?)");
        }
        return m.toString();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\r", "").replace('\n', ' ');
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }

    private static List<String> sorted(List<String> expected) {
        List<String> list = new ArrayList<>(Objects.requireNonNull(expected, "expected"));
        list.sort(ORDER);
        return List.copyOf(new java.util.LinkedHashSet<>(list));
    }

    /** Keywords first (alphabetically), then punctuation like ';', then kinds like &lt;identifier&gt;. */
    private static final Comparator<String> ORDER =
            Comparator.comparingInt(SyntaxError::rank).thenComparing(Comparator.naturalOrder());

    private static int rank(String s) {
        return s.startsWith("<") ? 2 : s.startsWith("'") ? 1 : 0;
    }

    /**
     * The line as shown: lines end at "\n" (as the lexer counts them; a "\r" before it is
     * dropped) and control characters other than tab show as spaces, one column each.
     */
    private static String sourceLine(String source, int line) {
        if (source == null || line < 1) {
            return null;
        }
        String[] lines = source.split("\n", -1);
        if (line > lines.length) {
            return null;
        }
        String text = lines[line - 1];
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(c != '\t' && (c < 0x20 || c == 0x7F) ? ' ' : c));
        return shown.toString();
    }
}
