package org.emajshell.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import org.emajshell.command.help.HelpEntry;
import org.emajshell.command.help.HelpTopics;
import org.emajshell.parse.antlr.EmajShellLexer;
import org.junit.jupiter.api.Test;

/**
 * 100,000 generated inputs: mutations of valid commands, random token sequences and random
 * characters. Every one must give commands or a positioned {@link SyntaxError}, never another
 * exception, and quickly. The seed is fixed (reproducible in CI); set -Demaj.fuzz.seed=N to try
 * others and -Demaj.fuzz.cases=N for more or fewer cases. A failure prints the seed, the case
 * number and the input; {@link #input(int)} rebuilds any case alone.
 */
class FuzzTest {

    private static final long SEED = Long.getLong("emaj.fuzz.seed", 0x454D414AL);
    private static final int CASES = Integer.getInteger("emaj.fuzz.cases", 100_000);
    private static final long SLOW_CASE_NANOS = 2_000_000_000L;

    private final CommandParser parser = new CommandParser();
    private final StatementSplitter splitter = new StatementSplitter();

    /** Valid statements to mutate: the examples of the help, and forms from the parser tests. */
    private static final List<String> CORPUS = corpus();

    private static List<String> corpus() {
        List<String> list = new ArrayList<>();
        for (HelpEntry e : HelpTopics.entries()) {
            list.addAll(List.of(e.example().split("\n")));
        }
        list.addAll(List.of(
                "ASSIGN TABLES IN SCHEMA shop MATCHING '^t' EXCLUDING '_old$' TO GROUP g WITH (priority = 1, ignored_triggers = ['a', \"B\"]) MARK 'a';",
                "ROLLBACK GROUP g TO MARK m LOGGED ALLOW ALTER COMMENT 'undo' PARALLEL 3 PREVIEW VERBOSE;",
                "SHOW CHANGES OF GROUP g ON TABLE s.t SINCE a UNTIL b CONSOLIDATED PARTIAL WHERE price > 100 AND (x IN (1, 2)) LIMIT 20;",
                "MODIFY TABLES IN SCHEMA s SET (priority = -1, log_data_tablespace = NULL) MARK 'm';",
                "CREATE GROUP \"Shop \"\"1\"\"\" AUDIT_ONLY COMMENT E'a\\tb\\u00e9';",
                "MARK $tag$a $$ b$tag$ COMMENT $$c$$; /* nested /* comment */ */ SHOW GROUPS -- done\n",
                "SELECT a::int, b[1:2], :x, :'y', :\"z\" FROM t WHERE c = 'it''s';",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; END;",
                "\\set x 'a b' c\"D\"\n\\echo :x\n",
                "IMPORT CONFIGURATION FROM 'f.json' GROUPS a, b REPLACE; EXPORT CONFIGURATION GROUPS a TO 'g.json';",
                "GENERATE SQL OF GROUP g SINCE a UNTIL b ON TABLES s.t, s.u TO 'out.sql';",
                "REPLAY GROUP g SINCE a UNTIL b ON 'host=x' STEP; SNAP GROUP g TO '/tmp'; VERIFY; USE g; HELP show changes;"));
        return List.copyOf(list);
    }

    /** Pieces the token generator and the mutator draw from. */
    private static final List<String> PIECES = pieces();

    private static List<String> pieces() {
        List<String> list = new ArrayList<>();
        for (int type = 1; type <= EmajShellLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = EmajShellLexer.VOCABULARY.getLiteralName(type);
            if (literal != null) {
                list.add(literal.substring(1, literal.length() - 1).replace("\\\\", "\\"));
            }
        }
        list.addAll(List.of("g", "shop", "\"Q\"", "s.t", "'m'", "E'x\\'y'", "$$d$$", "$t$x$t$", "42", "-1", "1.5",
                "99999999999999999999", "$1", ":v", ":'v'", ":\"v\"", "::", "--c\n", "/*c*/", "/*", "*/", "'", "\"",
                "$$", "E'", "\\q", "\\set", "\\", "\n", "\t", ";", "(", ")", "[", "]", ",", ".", "=", "é", "🎉",
                "\u0000", "\r\n", "U&'a'", "U&\"b\"", "%", "ROLLBAK", "GROUPZ"));
        return List.copyOf(list);
    }

    @Test
    void everyInputGivesCommandsOrAPositionedSyntaxError() {
        long start = System.nanoTime();
        LongAdder errors = new LongAdder();
        LongAdder commands = new LongAdder();
        // Each case has its own generator, derived from the seed and its number, so that any case
        // can be replayed alone; the cases run on every core.
        IntStream.range(0, CASES).parallel().forEach(i -> {
            String input = input(i);
            try {
                long caseStart = System.nanoTime();
                int[] counts = check(input, i % 4 == 0, i % 2 == 0);
                commands.add(counts[0]);
                errors.add(counts[1]);
                long took = System.nanoTime() - caseStart;
                if (took > SLOW_CASE_NANOS) {
                    fail("too slow (" + took / 1_000_000 + " ms): " + describe(i, input));
                }
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + describe(i, input), e);
            } catch (RuntimeException e) {
                throw new AssertionError("unexpected " + e + "\n" + describe(i, input), e);
            } catch (StackOverflowError e) {
                throw new AssertionError("stack overflow\n" + describe(i, input), e);
            }
        });
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("fuzz: %d cases, seed %d: %d commands, %d syntax errors, %d s%n",
                CASES, SEED, commands.sum(), errors.sum(), seconds);
        assertThat(commands.sum()).isGreaterThan(CASES / 20);
        assertThat(errors.sum()).isGreaterThan(CASES / 20);
    }

    /** The input of case {@code i}: the same for a given seed, whatever ran before. */
    static String input(int i) {
        Random random = new Random(SEED + i * 0x9E3779B97F4A7C15L);
        return switch (i % 10) {
            case 0, 1, 2, 3, 4, 5 -> mutate(random, CORPUS.get(random.nextInt(CORPUS.size())));
            case 6, 7, 8 -> randomTokens(random);
            default -> randomChars(random);
        };
    }

    private static String describe(int i, String input) {
        return "seed " + SEED + ", case " + i + ", input: " + javaString(input)
                + "\n(FuzzTest.input(" + i + ") gives it again with -Demaj.fuzz.seed=" + SEED + ")";
    }

    /** Runs every entry point on the input; returns {commands parsed, syntax errors}. */
    private int[] check(String input, boolean whole, boolean rest) {
        int commands = 0;
        int errors = 0;
        List<Statement> statements = splitter.split(input);
        if (rest) {
            splitter.isComplete(input);
            assertThat(VariableSubstitution.substitute(input, VARIABLES)).isNotNull();
        }
        for (Statement s : statements) {
            if (s.text().isEmpty()) {
                fail("empty statement at " + s.line() + ":" + s.column());
            }
            try {
                assertThat(parser.parse(s)).isNotNull();
                commands++;
            } catch (SyntaxError e) {
                errors++;
                checkPosition(e, input, !whole);
            }
        }
        if (whole) {
            // The whole input as one statement (several statements, meta lines and all).
            try {
                assertThat(parser.parse(input)).isNotNull();
                commands++;
            } catch (SyntaxError e) {
                errors++;
                checkPosition(e, input, true);
            }
        }
        return new int[] {commands, errors};
    }

    private static final Map<String, String> VARIABLES = Map.of("v", "val'\\\"", "x", ";");

    private static void checkPosition(SyntaxError e, String source, boolean render) {
        String[] lines = source.split("\n", -1); // lines as the lexer counts them
        if (e.line() < 1 || e.line() > lines.length) {
            fail("line out of range: " + e.getMessage());
        }
        long lineLength = lines[e.line() - 1].codePoints().count();
        if (e.column() < 1 || e.column() > lineLength + 1) {
            fail("column out of range: " + e.getMessage());
        }
        if (render) {
            String rendered = e.render(source);
            if (!rendered.startsWith("ERROR: ") || !rendered.contains("^")) {
                fail("badly rendered: " + rendered);
            }
        }
    }

    private static String mutate(Random r, String valid) {
        List<String> tokens = new ArrayList<>(List.of(valid.split("(?<= )|(?= )")));
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations && !tokens.isEmpty(); m++) {
            int at = r.nextInt(tokens.size());
            switch (r.nextInt(8)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, tokens.get(at));
                case 2 -> tokens.set(at, PIECES.get(r.nextInt(PIECES.size())));
                case 3 -> tokens.add(at, " " + PIECES.get(r.nextInt(PIECES.size())) + " ");
                case 4 -> {
                    if (at + 1 < tokens.size()) {
                        String t = tokens.get(at);
                        tokens.set(at, tokens.get(at + 1));
                        tokens.set(at + 1, t);
                    }
                }
                case 5 -> {
                    String joined = String.join("", tokens);
                    return joined.substring(0, r.nextInt(joined.length() + 1));
                }
                case 6 -> {
                    String t = tokens.get(at);
                    if (!t.isEmpty()) {
                        int p = r.nextInt(t.length());
                        tokens.set(at, t.substring(0, p) + (char) (32 + r.nextInt(95)) + t.substring(p));
                    }
                }
                default -> tokens.set(at, r.nextBoolean() ? tokens.get(at).toLowerCase() : tokens.get(at).toUpperCase());
            }
        }
        return String.join("", tokens);
    }

    private static String randomTokens(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(15);
        for (int i = 0; i < n; i++) {
            b.append(PIECES.get(r.nextInt(PIECES.size())));
            if (r.nextInt(5) != 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    private static String randomChars(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(60);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0 -> b.append((char) r.nextInt(32));
                case 1 -> b.append((char) (0x80 + r.nextInt(0xD800 - 0x80)));
                case 2 -> b.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000));
                case 3 -> b.append((char) (0xD800 + r.nextInt(0x800))); // lone surrogates
                default -> {
                    String specials = "';\"$\\/*-:()E \n";
                    b.append(specials.charAt(r.nextInt(specials.length())));
                }
            }
        }
        return b.toString();
    }

    private static String javaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c >= 32 && c < 127) {
                b.append((char) c);
            } else {
                for (char ch : Character.toChars(c)) {
                    b.append(String.format("\\u%04x", (int) ch));
                }
            }
        });
        return b.append('"').toString();
    }
}
