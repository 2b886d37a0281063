package org.emajshell.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where errors are, what they say, and how they look. */
class SyntaxErrorTest {

    private final CommandParser parser = new CommandParser();

    private SyntaxError error(String text) {
        SyntaxError e = catchThrowableOfType(SyntaxError.class, () -> parser.parseScript(text));
        assertThat(e).as("an error for: %s", text).isNotNull();
        return e;
    }

    @Test
    void theExperienceExample() {
        String text = "ROLLBAK TO 'start';";
        SyntaxError e = error(text);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.offendingText()).isEqualTo("ROLLBAK");
        assertThat(e.suggestion()).contains("ROLLBACK");
        assertThat(e.expected()).contains("ROLLBACK", "RENAME", "REMOVE", "RESET", "SELECT", "CREATE");
        assertThat(e.render(text)).isEqualTo("""
                ERROR: syntax error at line 1, column 1
                  ROLLBAK TO 'start';
                  ^^^^^^^
                  Expecting: ROLLBACK, REPLAY, REMOVE, RENAME, ...   (did you mean ROLLBACK?)""");
    }

    @Test
    void expectedTokensAreSortedKeywordsThenPunctuationThenKinds() {
        SyntaxError e = error("MARK");
        assertThat(e.expected()).containsExactly("GROUP", "GROUPS", "<identifier>", "<string>");
        assertThat(e.atEndOfInput()).isTrue();
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.render("MARK")).isEqualTo("""
                ERROR: syntax error at line 1, column 5 (end of input)
                  MARK
                      ^
                  Expecting: GROUP, GROUPS, <identifier>, <string>""");
    }

    @Test
    void positionsAreRelativeToTheWholeScript() {
        String script = "SHOW GROUPS;\n\n  ROLLBACK TO m PARALEL 2;\n";
        SyntaxError e = error(script);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.expected()).containsExactly("ALLOW", "COMMENT", "LOGGED", "PARALLEL", "PREVIEW", "VERBOSE", "';'");
        assertThat(e.suggestion()).contains("PARALLEL");
        assertThat(e.render(script)).isEqualTo("""
                ERROR: syntax error at line 3, column 17
                    ROLLBACK TO m PARALEL 2;
                                  ^^^^^^^
                  Expecting: ALLOW, COMMENT, LOGGED, PARALLEL, PREVIEW, VERBOSE, ';'   (did you mean PARALLEL?)""");
    }

    @Test
    void positionsInsideAMultiLineStatement() {
        SyntaxError e = error("SELECT 1;\nROLLBACK\n  TO m\n  PARALEL 2");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void positionsOfAStatementGivenDirectly() {
        SyntaxError e = catchThrowableOfType(SyntaxError.class,
                () -> parser.parse(new Statement("CREATE GROUP g ROLLBACKABLE foo", 7, 5)));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.column()).isEqualTo(33);
        assertThat(e.expected()).containsExactly("COMMENT", "';'");
    }

    @Test
    void tabsKeepTheCaretAligned() {
        String text = "\tSTART\tGROUP\tg MARK";
        assertThat(error(text).render(text)).isEqualTo(
                "ERROR: syntax error at line 1, column 20 (end of input)\n"
                        + "  \tSTART\tGROUP\tg MARK\n"
                        + "  \t     \t     \t      ^\n"
                        + "  Expecting: <identifier>, <string>");
    }

    @Test
    void nonAsciiTextCountsCodePoints() {
        String text = "MARK '🎉é' FOO";
        SyntaxError e = error(text);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.render(text)).contains("\n  MARK '🎉é' FOO\n            ^^^\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            CREATE GROUP g AUDITONLY                  | 1 | 16 | AUDITONLY | AUDIT_ONLY, COMMENT, ROLLBACKABLE, ';'     | AUDIT_ONLY
            SHOW STATS SINCE a UNTIL b DETAILD        | 1 | 28 | DETAILD   | DETAILED, ';'                             | DETAILED
            ROLLBACK TO 'x' PREVIEW VERBOS            | 1 | 25 | VERBOS    | ALLOW, COMMENT, LOGGED, PARALLEL, PREVIEW, VERBOSE, ';' | VERBOSE
            MODIFY SEQUENCE s.q SET (a = 1)           | 1 |  8 | SEQUENCE  | TABLE, TABLES                             |
            ASSIGN SEQUENCE s.q WITH (priority = 1)   | 1 | 21 | WITH      | MARK, TO, ',', ';'                        |
            ASSIGN TABLE a.b.c                        | 1 | 17 | .         | MARK, TO, WITH, ',', ';'                  |
            ASSIGN TABLES IN SCHEMA                   | 1 | 24 |           | <identifier>                              |
            SHOW CHANGES                              | 1 | 13 |           | OF, ON, SINCE                             |
            SHOW CHANGES SINCE a LIMIT x              | 1 | 28 | x         | <integer>                                 |
            STOP GROUPS a,                            | 1 | 15 |           | <identifier>, <string>                    |
            DELETE MARKS m                            | 1 | 14 | m         | BEFORE                                    |
            RENAME MARK a b                           | 1 | 15 | b         | TO                                        |
            COMMENT ON GROUP g 'x'                    | 1 | 20 | 'x'       | IS                                        |
            START GROUP g MARK 'm' KEEP               | 1 | 28 |           | LOG                                       |
            ESTIMATE ROLLBACK                         | 1 | 18 |           | GROUP, GROUPS, TO                         |
            CONSOLIDATE                               | 1 | 12 |           | ROLLBACK                                  |
            SNAP GROUP g                              | 1 | 13 |           | TO                                        |
            REPLAY SINCE a ON x                       | 1 | 19 | x         | <string>                                  |
            USE a b                                   | 1 |  7 | b         | ';'                                       |
            USE                                       | 1 |  4 |           | GROUP, <identifier>, <string>             |
            INSTALL                                   | 1 |  8 |           | EMAJ                                      |
            VERIFY ALL                                | 1 |  8 | ALL       | ';'                                       |
            GENERATE SQL                              | 1 | 13 |           | OF, SINCE                                 |
            ROLLBACK TO                               | 1 | 12 |           | MARK, SAVEPOINT, <identifier>, <string>   |
            SHOW GROUPS extra                         | 1 | 13 | extra     | ';'                                       |
            CREATE GROUP g; SHOW GROUPS x             | 1 | 29 | x         | ';'                                       |
            SHOW HISTORY LIMIT -1                     | 1 | 20 | -         | <integer>                                 |
            ASSIGN TABLE s.t WITH priority = 1        | 1 | 23 | priority  | '('                                       |
            ASSIGN TABLE s.t WITH (priority 1)        | 1 | 33 | 1         | '='                                       |
            """)
    void typicalMistakes(String text, int line, int column, String offending, String expected, String suggestion) {
        SyntaxError e = error(text);
        assertThat(e.problem()).isEqualTo("syntax error");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.offendingText()).isEqualTo(offending == null ? "" : offending);
        assertThat(e.atEndOfInput()).isEqualTo(offending == null);
        assertThat(String.join(", ", e.expected())).isEqualTo(expected);
        assertThat(e.suggestion().orElse(null)).isEqualTo(suggestion);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            MARK 'abc                             | 6  | unterminated quoted string
            SELECT E'abc\\'                       | 8  | unterminated quoted string
            SHOW GROUPS /* x /* y */              | 13 | unterminated /* comment
            MARK $a$ abc $A$                      | 6  | unterminated dollar-quoted string
            CREATE GROUP "abc                     | 14 | unterminated quoted identifier
            ROLLBACK TO m LOGGED LOGGED           | 22 | LOGGED is given twice
            ROLLBACK TO m ALLOW ALTER ALLOW ALTER | 27 | ALLOW ALTER is given twice
            ROLLBACK TO m VERBOSE                 | 15 | VERBOSE needs PREVIEW (ROLLBACK ... PREVIEW VERBOSE)
            ROLLBACK TO m PARALLEL 0              | 24 | PARALLEL needs a positive number of sessions
            ROLLBACK TO m PARALLEL 99999999999    | 24 | PARALLEL needs a positive number of sessions
            SHOW HISTORY LIMIT 99999999999999999999 | 20 | integer out of range
            ROLLBACK GROUPS a, b, a TO m          | 23 | group "a" is listed twice
            ASSIGN TABLES s.t, s.t                | 20 | s.t is listed twice
            ASSIGN TABLE s.t WITH (priority = 1, PRIORITY = 2) | 38 | property priority is given twice
            CREATE GROUP ""                       | 14 | zero-length quoted identifier
            MARK ''                               | 6  | a mark name cannot be empty
            MARK E'\\u12'                          | 6  | invalid Unicode escape
            IMPORT CONFIGURATION FROM ''          | 27 | a file name cannot be empty
            """)
    void otherMistakes(String text, int column, String problem) {
        SyntaxError e = error(text);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.expected()).isEmpty();
        assertThat(e.render(text)).startsWith("ERROR: " + problem + " at line 1, column " + column + "\n");
    }

    @Test
    void unknownFirstWordsShowTheClosestFewExpectedWords() {
        SyntaxError e = error("ROLBACK TO m");
        assertThat(e.expected()).hasSizeGreaterThan(50);
        assertThat(e.expectingLine()).startsWith("Expecting: ROLLBACK, ").endsWith(", ...   (did you mean ROLLBACK?)");
        assertThat(e.getMessage()).startsWith("syntax error at line 1, column 1: unexpected 'ROLBACK'; expecting ROLLBACK, ")
                .endsWith("... (did you mean ROLLBACK?)");
    }

    @Test
    void unknownMetaCommandsSuggestTheClosest() {
        assertThat(error("\\sett x 1").suggestion()).contains("\\set");
        assertThat(error("\\quitt").suggestion()).contains("\\q");
        assertThat(error("\\g").suggestion()).isEmpty();
        SyntaxError e = error("SELECT 1;\n  \\qq");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("invalid command \\qq");
    }

    @Test
    void noSuggestionWhenNothingIsClose() {
        assertThat(error("FOO").suggestion()).isEmpty();
        assertThat(error("SHOW GROUPS xyzzy").suggestion()).isEmpty();
    }

    @Test
    void deeplyNestedInputIsAnErrorNotACrash() {
        SyntaxError deep = error("SHOW CHANGES SINCE a WHERE " + "(".repeat(100_000));
        assertThat(deep.problem()).isIn("statement nested too deeply", "syntax error");
        SyntaxError unbalanced = error("SHOW CHANGES SINCE a WHERE " + "(".repeat(300) + "x" + ")".repeat(299));
        assertThat(unbalanced.atEndOfInput()).isTrue();
        assertThat(unbalanced.expected()).containsExactly("'('", "')'");
    }

    @Test
    void renderWithoutTheSourceLine() {
        SyntaxError e = new SyntaxError("syntax error", 5, 3, "x", false, List.of("TO"), null);
        assertThat(e.render("only one line")).isEqualTo("ERROR: syntax error at line 5, column 3\n  Expecting: TO");
        assertThat(e.getMessage()).isEqualTo("syntax error at line 5, column 3: unexpected 'x'; expecting TO");
    }
}
