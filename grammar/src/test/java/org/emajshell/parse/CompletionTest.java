package org.emajshell.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.emajshell.parse.Completion.Candidates;
import org.emajshell.parse.Completion.NameKind;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private static Candidates at(String buffer) {
        return Completion.at(buffer, buffer.length());
    }

    @Test
    void firstWord() {
        Candidates c = at("RO");
        assertThat(c.prefix()).isEqualTo("RO");
        assertThat(c.start()).isEqualTo(0);
        assertThat(c.keywords()).containsExactly("ROLLBACK");
        assertThat(c.names()).isEmpty();
        assertThat(at("").keywords()).contains("SHOW", "ROLLBACK", "MARK", "SELECT", "CREATE");
    }

    @Test
    void afterAKeyword() {
        assertThat(at("SHOW ").keywords()).contains("GROUPS", "GROUP", "MARKS", "CHANGES", "STATS");
        assertThat(at("show ch").keywords()).containsExactly("CHANGES");
        assertThat(at("SHOW ch").start()).isEqualTo(5);
    }

    @Test
    void namesByKind() {
        assertThat(at("USE ").names()).containsExactly(NameKind.GROUP);
        assertThat(at("USE ").keywords()).containsExactly("GROUP");
        assertThat(at("ROLLBACK TO ").names()).containsExactly(NameKind.MARK);
        assertThat(at("ROLLBACK TO ").keywords()).contains("MARK");
        assertThat(at("MARK ").names()).containsExactly(NameKind.MARK);
        assertThat(at("MARK ").keywords()).containsExactly("GROUP", "GROUPS");
        assertThat(at("ASSIGN TABLES IN SCHEMA ").names()).containsExactly(NameKind.SCHEMA);
        assertThat(at("ASSIGN TABLE ").names()).containsExactly(NameKind.RELATION);
        assertThat(at("ASSIGN TABLE ").keywords()).containsExactly("IN");
        assertThat(at("ASSIGN TABLE s.t WITH (").names()).containsExactly(NameKind.PROPERTY);
        assertThat(at("HELP ").names()).contains(NameKind.HELP_TOPIC);
    }

    @Test
    void qualifiedRelation() {
        Candidates c = at("ASSIGN TABLE Shop.");
        assertThat(c.names()).containsExactly(NameKind.RELATION);
        assertThat(c.qualifier()).isEqualTo("shop");
        Candidates d = at("ASSIGN TABLE \"Shop\".ord");
        assertThat(d.prefix()).isEqualTo("ord");
        assertThat(d.qualifier()).isEqualTo("Shop");
    }

    @Test
    void optionsAfterAComplete() {
        assertThat(at("ROLLBACK TO m ").keywords())
                .containsExactly("ALLOW", "COMMENT", "LOGGED", "PARALLEL", "PREVIEW", "VERBOSE");
    }

    @Test
    void onlyTheCurrentStatementCounts() {
        assertThat(at("SHOW GROUPS; SHOW ").keywords()).contains("MARKS");
        assertThat(at("SELECT 1;\n").keywords()).contains("SHOW");
        assertThat(at("SHOW GROUPS;\nUSE ").names()).containsExactly(NameKind.GROUP);
    }

    @Test
    void metaCommands() {
        Candidates c = at("\\se");
        assertThat(c.keywords()).containsExactly("\\set");
        assertThat(c.names()).containsExactly(NameKind.META_COMMAND);
        assertThat(at("\\").keywords()).contains("\\q", "\\set", "\\pset");
    }

    @Test
    void nothingAfterAnError() {
        assertThat(at("SHOW GROUPS foo ").keywords()).isEmpty();
    }

    @Test
    void cursorInTheMiddle() {
        String buffer = "SHOW MA; SELECT 1;";
        assertThat(Completion.at(buffer, 7).keywords()).containsExactly("MARKS");
    }
}
