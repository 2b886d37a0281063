package org.emajshell.repl;

import org.postgresql.core.TransactionState;

/**
 * psql-like prompts, {@code demo/shop=> } by default: the database, the current group, {@code =}
 * ({@code -} on continuation lines), {@code *} inside a transaction and {@code !} in a failed one.
 * {@code \set PROMPT1 '...'} and {@code PROMPT2} change them, with psql's escapes plus the group:
 * <pre>
 *   %/ database     %g /group when one is selected     %G the group     %R = or -     %x * ! or nothing
 *   %n user         %M host     %&gt; port     %# # for a superuser, &gt; otherwise     %% a percent sign
 * </pre>
 */
final class Prompt {

    static final String DEFAULT_PRIMARY = "%/%g%R%x> ";
    static final String DEFAULT_CONTINUATION = "%/%g%R%x> ";

    /** What a prompt may show. */
    record State(String database, String group, TransactionState tx, String user, String host, String port,
                 boolean superuser) {
    }

    private Prompt() {
    }

    static String primary(String database, String group, TransactionState tx) {
        return render(DEFAULT_PRIMARY, new State(database, group, tx, null, null, null, false), false);
    }

    static String continuation(String database, String group, TransactionState tx) {
        return render(DEFAULT_CONTINUATION, new State(database, group, tx, null, null, null, false), true);
    }

    /** The prompt for {@code pattern}; {@code continuation} for the lines after the first. */
    static String render(String pattern, State s, boolean continuation) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            char e = pattern.charAt(++i);
            switch (e) {
                case '/' -> out.append(nullToEmpty(s.database()));
                case 'g' -> out.append(s.group() == null ? "" : "/" + s.group());
                case 'G' -> out.append(nullToEmpty(s.group()));
                case 'R' -> out.append(continuation ? '-' : '=');
                case 'x' -> out.append(marker(s.tx()));
                case 'n' -> out.append(nullToEmpty(s.user()));
                case 'M' -> out.append(s.host() == null ? "[local]" : s.host());
                case '>' -> out.append(nullToEmpty(s.port()));
                case '#' -> out.append(s.superuser() ? '#' : '>');
                case '%' -> out.append('%');
                default -> out.append('%').append(e);
            }
        }
        return out.toString();
    }

    private static String marker(TransactionState tx) {
        if (tx == null) {
            return "";
        }
        return switch (tx) {
            case OPEN -> "*";
            case FAILED -> "!";
            default -> "";
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
