package org.emajshell.parse;

/**
 * PostgreSQL's rules for names and string constants: folding, unquoting, escapes. Also used by
 * {@link VariableSubstitution} to quote values.
 */
final class Literals {

    private Literals() {
    }

    /** An unquoted identifier: ASCII letters fold to lower case, as PostgreSQL does; others stay. */
    static String foldIdentifier(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return b.toString();
    }

    /** {@code "Quoted ""Name"""} to {@code Quoted "Name"}. */
    static String unquoteIdentifier(String text) {
        return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }

    /** {@code 'it''s'} to {@code it's}. */
    static String unquoteString(String text) {
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    /** The body of {@code $tag$ ... $tag$}. */
    static String dollarBody(String text) {
        int tagEnd = text.indexOf('$', 1) + 1;
        return text.substring(tagEnd, text.length() - tagEnd);
    }

    /**
     * The value of an {@code E'...'} string: backslash escapes \b \f \n \r \t, octal \o \oo \ooo,
     * hex \xh \xhh, Unicode \\uXXXX and \\UXXXXXXXX, any other character taken literally; '' is a quote.
     *
     * @throws IllegalArgumentException for an invalid Unicode escape
     */
    static String decodeEscapeString(String text) {
        String body = text.substring(2, text.length() - 1);
        StringBuilder b = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'') {
                b.append('\'');
                i += 2; // '' (the lexer guarantees the pair)
                continue;
            }
            if (c != '\\' || i + 1 >= body.length()) {
                b.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                        v = v * 8 + (body.charAt(i++) - '0');
                    }
                    b.append((char) (v & 0xFF));
                }
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(body.charAt(i++), 16);
                        digits++;
                    }
                    if (digits == 0) {
                        b.append('x');
                    } else {
                        b.append((char) v);
                    }
                }
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8;
                    if (i + n > body.length()) {
                        throw new IllegalArgumentException("invalid Unicode escape");
                    }
                    int v = 0;
                    for (int k = 0; k < n; k++) {
                        int d = Character.digit(body.charAt(i + k), 16);
                        if (d < 0) {
                            throw new IllegalArgumentException("invalid Unicode escape");
                        }
                        v = v * 16 + d;
                    }
                    if (!Character.isValidCodePoint(v) || v == 0) {
                        throw new IllegalArgumentException("invalid Unicode escape value");
                    }
                    b.appendCodePoint(v);
                    i += n;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    /** A value as an SQL string literal: 'it''s', or E'a\\b' when it holds a backslash (as libpq does). */
    static String quoteLiteral(String value) {
        String doubled = value.replace("'", "''");
        if (value.indexOf('\\') >= 0) {
            return "E'" + doubled.replace("\\", "\\\\") + "'";
        }
        return "'" + doubled + "'";
    }

    /** A value as a quoted SQL identifier: "Name ""x""". */
    static String quoteIdentifier(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** A value as a single-quoted meta-command argument (backslashes and quotes escaped). */
    static String quoteMetaArgument(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** A single-quoted meta-command argument's value: '' and backslash escapes as psql reads them. */
    static String unquoteMetaSingle(String text) {
        String body = text.substring(1, text.length() - 1);
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                b.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'r' -> b.append('\r');
                    case 'f' -> b.append('\f');
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
