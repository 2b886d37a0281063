package org.emajshell.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {

    private final StatementSplitter splitter = new StatementSplitter();

    private List<String> texts(String script) {
        return splitter.split(script).stream().map(Statement::text).toList();
    }

    @Test
    void splitsAtSemicolonsAndKeepsPositions() {
        assertThat(splitter.split("SELECT 1; SELECT 2;\n  SHOW GROUPS ;\n")).containsExactly(
                new Statement("SELECT 1", 1, 1),
                new Statement("SELECT 2", 1, 11),
                new Statement("SHOW GROUPS", 2, 3));
    }

    @Test
    void neverCutsStringsIdentifiersDollarQuotesOrComments() {
        String script = """
                SELECT 'a;b', 'it''s;', E'x\\';y', "col;umn", $$ ; $$, $fn$ a $$ ; $ $fn$;
                /* c1; /* nested; */ still comment; */ SELECT 2 -- trailing; comment
                ;
                DO $body$ BEGIN PERFORM 1; END $body$;
                """;
        assertThat(texts(script)).containsExactly(
                "SELECT 'a;b', 'it''s;', E'x\\';y', \"col;umn\", $$ ; $$, $fn$ a $$ ; $ $fn$",
                "SELECT 2",
                "DO $body$ BEGIN PERFORM 1; END $body$");
        assertThat(splitter.split(script).get(1)).isEqualTo(new Statement("SELECT 2", 2, 40));
    }

    @Test
    void leadingCommentsAreDroppedInnerOnesKept() {
        assertThat(texts("-- header\n/* block */ SELECT /* inner */ 1 -- tail\n;"))
                .containsExactly("SELECT /* inner */ 1");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() {
        assertThat(texts("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1;"))
                .containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
                        "SELECT 1");
    }

    @Test
    void beginAtomicBodiesAreKeptWhole() {
        String f = "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC "
                + "SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2; END";
        assertThat(texts(f + "; BEGIN; SELECT 1; END;")).containsExactly(f, "BEGIN", "SELECT 1", "END");
        String p = "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END";
        assertThat(texts(p + ";")).containsExactly(p);
    }

    @Test
    void metaCommandsEndAtTheEndOfTheLine() {
        assertThat(splitter.split("\\set x 'a;b' ; c\nSHOW GROUPS;\n  \\q  \n")).containsExactly(
                new Statement("\\set x 'a;b' ; c", 1, 1),
                new Statement("SHOW GROUPS", 2, 1),
                new Statement("\\q", 3, 3));
    }

    @Test
    void aMetaCommandEndsAStatementLeftWithoutSemicolon() {
        assertThat(texts("SHOW GROUPS\n\\echo done\nSELECT 1 \\g")).containsExactly("SHOW GROUPS", "\\echo done", "SELECT 1", "\\g");
    }

    @Test
    void aMetaCommandAfterASemicolonOnTheSameLine() {
        assertThat(texts("SELECT 1; \\echo x")).containsExactly("SELECT 1", "\\echo x");
    }

    @Test
    void theLastStatementMayLackItsSemicolon() {
        assertThat(texts("SELECT 1;\nSELECT 2")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void emptyPiecesAreSkipped() {
        assertThat(texts(";;  ; -- nothing\n/* nothing */;")).isEmpty();
        assertThat(texts("")).isEmpty();
    }

    @Test
    void unterminatedTokensRunToTheEnd() {
        assertThat(texts("SELECT 1; SELECT 'abc; SELECT 2;")).containsExactly("SELECT 1", "SELECT 'abc; SELECT 2;");
        assertThat(texts("SELECT $x$ abc; SELECT 2;")).containsExactly("SELECT $x$ abc; SELECT 2;");
        assertThat(texts("SELECT 1 /* abc; SELECT 2;")).containsExactly("SELECT 1 /* abc; SELECT 2;");
    }

    @Test
    void crlfLineEnds() {
        assertThat(splitter.split("SELECT 1;\r\n\\q\r\nSHOW GROUPS;\r\n")).containsExactly(
                new Statement("SELECT 1", 1, 1), new Statement("\\q", 2, 1), new Statement("SHOW GROUPS", 3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "-- just a comment", "SELECT 1;", "SELECT 1; -- done", "SHOW GROUPS", "show groups  ",
            "ROLLBACK TO 'start'", "MARK 'm' COMMENT 'c'", "\\q", "SELECT 1;\n\\echo x", "HELP", "USE shop",
            "CREATE GROUP g", "SELECT 1; SHOW GROUPS", "SELECT '\\q';", "SELECT 1\n\\g",
    })
    void complete(String buffer) {
        assertThat(splitter.isComplete(buffer)).as(buffer).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1", "ROLLBACK", "BEGIN", "SELECT 'abc;", "SELECT $$ ; ", "SELECT 1 /* ;", "SELECT (1;",
            "SHOW GROUPS; SELECT 1", "CREATE GROUP", "ROLLBACK TO", "MARK 'm", "SHOW GROUPZ", "CREATE ROLE x",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1;", "SELECT \"a;",
    })
    void incomplete(String buffer) {
        assertThat(splitter.isComplete(buffer)).as(buffer).isFalse();
    }
}
