package org.emajshell.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.emajshell.command.MetaCommand;
import org.emajshell.command.SetMark;
import org.emajshell.command.SqlStatement;
import org.junit.jupiter.api.Test;

class VariableSubstitutionTest {

    private static final Map<String, String> VARS = Map.of(
            "x", "42", "name", "it's", "tbl", "My \"Table\"", "path", "C:\\dir", "grp", "shop", "café", "crème");

    private static String sub(String text) {
        return VariableSubstitution.substitute(text, VARS);
    }

    @Test
    void threeForms() {
        assertThat(sub("SELECT :x, :'name', :\"tbl\"")).isEqualTo("SELECT 42, 'it''s', \"My \"\"Table\"\"\"");
    }

    @Test
    void literalWithBackslashUsesEscapeStringSyntax() {
        assertThat(sub("SELECT :'path'")).isEqualTo("SELECT E'C:\\\\dir'");
        assertThat(sub("SELECT x:'path'")).isEqualTo("SELECT x E'C:\\\\dir'");
    }

    @Test
    void notInsideStringsIdentifiersDollarQuotesOrComments() {
        String text = "SELECT ':x', \":x\", $$:x$$, E':x' -- :x\n /* :x */";
        assertThat(sub(text)).isEqualTo(text);
    }

    @Test
    void notInCasts() {
        assertThat(sub("SELECT a::int, :x::text, b[1:2]")).isEqualTo("SELECT a::int, 42::text, b[1:2]");
    }

    @Test
    void unknownVariablesStay() {
        assertThat(sub("SELECT :nope, :'nope', :\"nope\"")).isEqualTo("SELECT :nope, :'nope', :\"nope\"");
    }

    @Test
    void nonAsciiNames() {
        assertThat(sub("SELECT :café")).isEqualTo("SELECT crème");
    }

    @Test
    void inMetaCommandsOutsideQuotes() {
        assertThat(sub("\\echo :x ':x' :'name' :\"tbl\"")).isEqualTo("\\echo 42 ':x' 'it''s' \"My \"\"Table\"\"\"");
        assertThat(new CommandParser().parse(sub("\\echo :x ':x' :'name' :'path'")))
                .isEqualTo(new MetaCommand("echo", List.of("42", ":x", "it's", "C:\\dir")));
    }

    @Test
    void theSubstitutedTextParses() {
        CommandParser parser = new CommandParser();
        assertThat(parser.parse(sub("MARK GROUP :grp :'name'"))).isEqualTo(new SetMark(List.of("shop"), "it's", null));
        assertThat(parser.parse(sub("MARK :'path'"))).isEqualTo(new SetMark(List.of(), "C:\\dir", null));
        assertThat(parser.parse(sub("SELECT * FROM :\"tbl\" WHERE id = :x")))
                .isEqualTo(new SqlStatement("SELECT * FROM \"My \"\"Table\"\"\" WHERE id = 42"));
    }

    @Test
    void functionLookup() {
        assertThat(VariableSubstitution.substitute("a :b c", n -> n.equals("b") ? "B" : null)).isEqualTo("a B c");
        assertThat(VariableSubstitution.substitute("no colon", n -> "x")).isEqualTo("no colon");
    }
}
