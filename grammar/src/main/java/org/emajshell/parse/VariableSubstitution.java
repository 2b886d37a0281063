package org.emajshell.parse;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.emajshell.parse.antlr.EmajShellLexer;

/**
 * psql-style variable substitution, done on a statement's text before it is parsed:
 * <ul>
 *   <li>{@code :name} is replaced by the value as is;</li>
 *   <li>{@code :'name'} by the value as an SQL string literal ({@code 'it''s'}; {@code E'...'} when
 *       the value holds a backslash);</li>
 *   <li>{@code :"name"} by the value as a quoted identifier ({@code "My ""Table"""}).</li>
 * </ul>
 * Nothing is replaced inside strings, quoted identifiers, dollar quotes or comments, nor in a
 * {@code ::} cast; a variable that is not set is left as written. In a meta-command line,
 * {@code :'name'} becomes a single-quoted argument whose value is exactly the variable's value.
 *
 * <p>Substitute each statement after splitting the script (a value holding {@code ;} does not make
 * two statements). Positions of later syntax errors refer to the substituted text.
 */
public final class VariableSubstitution {

    private VariableSubstitution() {
    }

    /** Substitutes the variables of {@code variables} in {@code text}. */
    public static String substitute(String text, Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        return substitute(text, variables::get);
    }

    /** Substitutes with a lookup that returns null for a variable that is not set. */
    public static String substitute(String text, Function<String, String> lookup) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lookup, "lookup");
        if (text.indexOf(':') < 0) {
            return text;
        }
        EmajShellLexer lexer = new EmajShellLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            String tokenText = t.getText();
            int type = t.getType();
            if (type == EmajShellLexer.VARIABLE || type == EmajShellLexer.META_VARIABLE) {
                String replacement = replacement(tokenText, type == EmajShellLexer.META_VARIABLE, lookup);
                if (replacement != null) {
                    if (replacement.startsWith("E'") && !out.isEmpty() && isIdentifierChar(out.charAt(out.length() - 1))) {
                        out.append(' ');
                    }
                    out.append(replacement);
                    continue;
                }
            }
            out.append(tokenText);
        }
        return out.toString();
    }

    private static String replacement(String token, boolean meta, Function<String, String> lookup) {
        char form = token.charAt(1);
        boolean quoted = form == '\'' || form == '"';
        String name = quoted ? token.substring(2, token.length() - 1) : token.substring(1);
        String value = lookup.apply(name);
        if (value == null) {
            return null;
        }
        if (form == '\'') {
            return meta ? Literals.quoteMetaArgument(value) : Literals.quoteLiteral(value);
        }
        if (form == '"') {
            return Literals.quoteIdentifier(value);
        }
        return value;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
