package org.emajshell.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.emajshell.command.Command;
import org.emajshell.parse.antlr.EmajShellLexer;
import org.emajshell.parse.antlr.EmajShellParser;

/**
 * Parses statements of the emaj-shell language into {@link Command} records.
 *
 * <p>Each statement is parsed in two stages: ANTLR's fast SLL prediction first, full LL only when
 * SLL fails. A statement that does not parse gets a {@link SyntaxError} whose position and expected
 * tokens come from a walk of the grammar's state machine over the tokens. Instances are stateless
 * and may be shared between threads.
 */
public final class CommandParser {

    private final StatementSplitter splitter = new StatementSplitter();

    /**
     * Parses one statement (as cut by {@link StatementSplitter}); positions are relative to its
     * script. A trailing {@code ;} is allowed. The text should hold one statement: SQL is not split
     * here, so "SELECT 1; SELECT 2" is one SqlStatement (use {@link #parseScript} for scripts).
     *
     * @throws SyntaxError when it is not a valid statement
     */
    public Command parse(Statement statement) {
        return new Run(statement).parse(EmajShellParser.RULE_singleStatement, true);
    }

    /** Parses one statement on its own (positions from line 1, column 1). */
    public Command parse(String text) {
        return parse(Statement.of(text));
    }

    /** Splits a script and parses every statement; the first error stops it. */
    public List<Command> parseScript(String script) {
        List<Command> commands = new ArrayList<>();
        for (Statement s : splitter.split(script)) {
            commands.add(parse(s));
        }
        return commands;
    }

    /** True when {@code text} is one complete shell command (not SQL, not a meta-command). */
    public boolean isShellCommand(String text) {
        try {
            new Run(Statement.of(text)).parse(EmajShellParser.RULE_shellStatement, false);
            return true;
        } catch (SyntaxError | ParseCancellationException e) {
            return false;
        }
    }

    private static final AtnWalker WALKER = new AtnWalker(EmajShellParser._ATN);

    /** One parse: its input, tokens and parser. */
    private static final class Run {
        private final CharStream input;
        private final CommonTokenStream tokens;
        private final EmajShellParser parser;
        private final Positions positions;

        Run(Statement statement) {
            this.input = CharStreams.fromString(statement.text());
            EmajShellLexer lexer = new EmajShellLexer(input);
            lexer.removeErrorListeners();
            this.tokens = new CommonTokenStream(lexer);
            this.parser = new EmajShellParser(tokens);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            this.positions = new Positions(statement);
        }

        /** Parses; on failure, diagnoses into a SyntaxError, or just throws ParseCancellationException. */
        Command parse(int startRule, boolean diagnose) {
            try {
                return parseOrFail(startRule, diagnose);
            } catch (StackOverflowError tooDeep) {
                // Only parentheses nested thousands deep in a SHOW CHANGES predicate get here.
                tokens.seek(0);
                throw positions.error(tokens.LT(1), "statement nested too deeply");
            }
        }

        private Command parseOrFail(int startRule, boolean diagnose) {
            AstBuilder builder = new AstBuilder(input, positions);
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            try {
                return build(builder, startRule);
            } catch (ParseCancellationException sllFailed) {
                tokens.seek(0);
                parser.reset();
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                try {
                    return build(builder, startRule);
                } catch (ParseCancellationException llFailed) {
                    if (!diagnose) {
                        throw llFailed;
                    }
                    throw diagnose(startRule, llFailed);
                }
            }
        }

        private Command build(AstBuilder builder, int startRule) {
            if (startRule == EmajShellParser.RULE_shellStatement) {
                return builder.build(parser.shellStatement());
            }
            return builder.build(parser.singleStatement());
        }

        /** The error: where the grammar cannot go on, and what it would have taken there. */
        private SyntaxError diagnose(int startRule, ParseCancellationException failure) {
            tokens.fill();
            List<Token> visible = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (Token t : tokens.getTokens()) {
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    visible.add(t);
                    types.add(t.getType());
                }
            }
            AtnWalker.Result result = WALKER.walk(startRule, types);
            Token offending;
            if (result.failIndex() >= 0) {
                offending = visible.get(result.failIndex());
            } else {
                // The walk accepts what ANTLR refused: cannot happen without predicates; fall back.
                offending = failure.getCause() instanceof RecognitionException re && re.getOffendingToken() != null
                        ? re.getOffendingToken() : visible.get(visible.size() - 1);
            }
            if (offending.getType() == EmajShellLexer.UNTERMINATED) {
                return positions.error(offending, unterminated(offending.getText()));
            }
            Set<String> expected = TokenNames.display(result.expected(), result.endExpected(), result.identifierExpected());
            String suggestion = null;
            if (TokenNames.isKeyword(offending.getType()) || offending.getType() == EmajShellLexer.IDENTIFIER) {
                suggestion = EditDistance.suggest(offending.getText(), expected);
            }
            return positions.error(offending, "syntax error", new ArrayList<>(expected), suggestion);
        }

        private static String unterminated(String text) {
            if (text.startsWith("/*")) {
                return "unterminated /* comment";
            }
            if (text.startsWith("$")) {
                return "unterminated dollar-quoted string";
            }
            String t = text.length() > 2 && (text.charAt(0) == 'U' || text.charAt(0) == 'u') ? text.substring(2) : text;
            return t.startsWith("\"") ? "unterminated quoted identifier" : "unterminated quoted string";
        }
    }
}
