package org.emajshell.parse;

import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;

import org.antlr.v4.runtime.Token;

import org.emajshell.parse.antlr.EmajShellLexer;

/** The names users see for token types in "Expecting: ..." lists. */
final class TokenNames {

    static final String IDENTIFIER = "<identifier>";
    static final String STRING = "<string>";
    static final String INTEGER = "<integer>";
    static final String END = "<end>";

    private TokenNames() {
    }

    /** The display name of a token type, or null for types never shown (meta-command internals). */
    static String display(int type) {
        switch (type) {
            case Token.EOF:
                return END;
            case EmajShellLexer.IDENTIFIER:
            case EmajShellLexer.QUOTED_IDENTIFIER:
                return IDENTIFIER;
            case EmajShellLexer.STRING:
            case EmajShellLexer.ESCAPE_STRING:
            case EmajShellLexer.DOLLAR_STRING:
                return STRING;
            case EmajShellLexer.INTEGER:
                return INTEGER;
            case EmajShellLexer.SEMI:
                return "';'";
            case EmajShellLexer.COMMA:
                return "','";
            case EmajShellLexer.DOT:
                return "'.'";
            case EmajShellLexer.LPAREN:
                return "'('";
            case EmajShellLexer.RPAREN:
                return "')'";
            case EmajShellLexer.LBRACKET:
                return "'['";
            case EmajShellLexer.RBRACKET:
                return "']'";
            case EmajShellLexer.EQUALS:
                return "'='";
            case EmajShellLexer.MINUS:
                return "'-'";
            case EmajShellLexer.META_NAME:
            case EmajShellLexer.META_END:
            case EmajShellLexer.META_TEXT:
            case EmajShellLexer.META_SQ:
            case EmajShellLexer.META_DQ:
            case EmajShellLexer.META_VARIABLE:
            case EmajShellLexer.META_COLON:
            case EmajShellLexer.UNTERMINATED:
                return null;
            default:
                return isKeyword(type) ? EmajShellLexer.VOCABULARY.getSymbolicName(type) : null;
        }
    }

    /** True for keyword token types (their literal is the keyword itself). */
    static boolean isKeyword(int type) {
        String literal = EmajShellLexer.VOCABULARY.getLiteralName(type);
        String symbolic = EmajShellLexer.VOCABULARY.getSymbolicName(type);
        return literal != null && symbolic != null && literal.equals("'" + symbolic + "'");
    }

    /** True for the display name of a keyword that only starts SQL statements (SELECT, COMMIT, ...). */
    static boolean isSqlOnlyKeyword(String displayName) {
        return SQL_ONLY.contains(displayName);
    }

    private static final Set<String> SQL_ONLY = sqlOnly();

    private static Set<String> sqlOnly() {
        Set<String> names = new TreeSet<>();
        // The lexer declares these words in one block, from ABORT to VALUES.
        for (int type = EmajShellLexer.ABORT; type <= EmajShellLexer.VALUES; type++) {
            names.add(EmajShellLexer.VOCABULARY.getSymbolicName(type));
        }
        names.add("SAVEPOINT");
        return Set.copyOf(names);
    }

    /** Display names of a set of token types: ';' stands for the end of the statement too. */
    static Set<String> display(BitSet types, boolean end, boolean identifier) {
        Set<String> names = new TreeSet<>();
        for (int type = types.nextSetBit(0); type >= 0; type = types.nextSetBit(type + 1)) {
            String name = display(type);
            if (name != null) {
                names.add(name);
            }
        }
        if (end) {
            names.add(END);
        }
        if (identifier) {
            names.add(IDENTIFIER);
        }
        if (names.contains("';'")) {
            names.remove(END);
        }
        return names;
    }
}
