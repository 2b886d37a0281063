package org.emajshell.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.emajshell.parse.antlr.EmajShellLexer;

/**
 * Cuts a script into statements with the grammar's own lexer, so that strings, quoted
 * identifiers, dollar quotes and comments are never cut.
 *
 * <ul>
 *   <li>A statement ends at a {@code ;} outside parentheses (and outside the {@code BEGIN ATOMIC ...
 *       END} body of a CREATE FUNCTION / PROCEDURE), as psql does.</li>
 *   <li>A backslash outside quotes and comments starts a meta-command that runs to the end of the
 *       line; it also ends a statement left without its {@code ;}.</li>
 *   <li>A statement left without {@code ;} at the end of the script is kept (psql runs it too).</li>
 *   <li>Leading whitespace and comments are not part of a statement; comments inside it are.</li>
 * </ul>
 * Instances are stateless.
 */
public final class StatementSplitter {

    /** Splits {@code script} into its statements, in order. */
    public List<Statement> split(String script) {
        List<Statement> out = new ArrayList<>();
        scan(script, out);
        return out;
    }

    /**
     * For the REPL: true when Enter should run the buffer rather than ask for another line. That is
     * when nothing is pending after the last {@code ;} or meta-command (an empty buffer included),
     * or when what is pending parses as one complete shell command; never while a string, quoted
     * identifier, dollar quote, comment or parenthesis is still open. Plain SQL always needs its
     * {@code ;}.
     */
    public boolean isComplete(String buffer) {
        Scan scan = scan(buffer, new ArrayList<>());
        if (scan.unterminated) {
            return false;
        }
        if (scan.pending == null) {
            return true;
        }
        if (scan.parenDepth > 0 || scan.atomicDepth > 0) {
            return false;
        }
        return new CommandParser().isShellCommand(scan.pending.text());
    }

    /** What the scan left: the statement still pending at the end, if any. */
    private static final class Scan {
        Statement pending;
        boolean unterminated;
        int parenDepth;
        int atomicDepth;
    }

    private static Scan scan(String script, List<Statement> out) {
        CharStream input = CharStreams.fromString(script);
        EmajShellLexer lexer = new EmajShellLexer(input);
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();

        Scan scan = new Scan();
        Token first = null;
        Token last = null;
        List<String> words = new ArrayList<>();
        int paren = 0;
        int atomic = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (type == EmajShellLexer.META_NAME) {
                if (first != null) {
                    out.add(statement(input, first, last));
                    first = null;
                    paren = 0;
                    atomic = 0;
                    words.clear();
                }
                Token metaLast = t;
                while (i + 1 < tokens.size() && tokens.get(i + 1).getType() != EmajShellLexer.META_END) {
                    i++;
                    if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                        metaLast = tokens.get(i);
                    }
                }
                i++; // the META_END, if any
                out.add(statement(input, t, metaLast));
                continue;
            }
            if (type == EmajShellLexer.SEMI && paren == 0 && atomic == 0) {
                if (first != null) {
                    out.add(statement(input, first, last));
                }
                first = null;
                words.clear();
                continue;
            }
            if (first == null) {
                first = t;
            }
            last = t;
            if (type == EmajShellLexer.UNTERMINATED) {
                scan.unterminated = true;
            } else if (type == EmajShellLexer.LPAREN) {
                paren++;
            } else if (type == EmajShellLexer.RPAREN) {
                paren = Math.max(0, paren - 1);
            } else if (isWord(t)) {
                String word = t.getText().toLowerCase(Locale.ROOT);
                if (words.size() < 4) {
                    words.add(word);
                }
                if (isRoutineDefinition(words)) {
                    if (word.equals("begin") || (word.equals("case") && atomic > 0)) {
                        atomic++;
                    } else if (word.equals("end") && atomic > 0) {
                        atomic--;
                    }
                }
            }
        }
        if (first != null) {
            Statement pending = statement(input, first, last);
            out.add(pending);
            scan.pending = pending;
            scan.parenDepth = paren;
            scan.atomicDepth = atomic;
        }
        return scan;
    }

    private static boolean isWord(Token t) {
        return t.getType() == EmajShellLexer.IDENTIFIER || TokenNames.isKeyword(t.getType());
    }

    /** CREATE [OR REPLACE] FUNCTION | PROCEDURE: its SQL-standard body may hold ';' (BEGIN ATOMIC ... END). */
    private static boolean isRoutineDefinition(List<String> words) {
        if (words.size() < 2 || !words.get(0).equals("create")) {
            return false;
        }
        if (isRoutine(words.get(1))) {
            return true;
        }
        return words.size() >= 4 && words.get(1).equals("or") && words.get(2).equals("replace") && isRoutine(words.get(3));
    }

    private static boolean isRoutine(String word) {
        return word.equals("function") || word.equals("procedure");
    }

    private static Statement statement(CharStream input, Token first, Token last) {
        String text = input.getText(Interval.of(first.getStartIndex(), last.getStopIndex()));
        return new Statement(text, first.getLine(), first.getCharPositionInLine() + 1);
    }
}
