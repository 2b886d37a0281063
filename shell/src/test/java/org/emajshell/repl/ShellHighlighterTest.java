package org.emajshell.repl;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parts of a buffer get which color. */
class ShellHighlighterTest {

    private final ShellHighlighter highlighter = new ShellHighlighter();

    /** The style of the text at the first occurrence of {@code part} (checked to be the same throughout). */
    private static AttributedStyle styleOf(AttributedString s, String part) {
        int at = s.toString().indexOf(part);
        assertThat(at).as("'%s' in '%s'", part, s).isGreaterThanOrEqualTo(0);
        AttributedStyle style = s.styleAt(at);
        for (int i = at; i < at + part.length(); i++) {
            assertThat(s.styleAt(i)).as("style of '%s' at %d", part, i - at).isEqualTo(style);
        }
        return style;
    }

    @Test
    void keywordsNamesStringsNumbersAndComments() {
        AttributedString s = highlighter.highlight("MARK GROUP shop 'before batch' COMMENT $$x$$; -- why\nSELECT 42, \"Odd\" /* c */;");

        assertThat(styleOf(s, "MARK")).isEqualTo(ShellHighlighter.KEYWORD);
        assertThat(styleOf(s, "COMMENT")).isEqualTo(ShellHighlighter.KEYWORD);
        assertThat(styleOf(s, "shop")).isEqualTo(ShellHighlighter.NAME);
        assertThat(styleOf(s, "'before batch'")).isEqualTo(ShellHighlighter.STRING);
        assertThat(styleOf(s, "$$x$$")).isEqualTo(ShellHighlighter.STRING);
        assertThat(styleOf(s, "-- why")).isEqualTo(ShellHighlighter.COMMENT);
        assertThat(styleOf(s, "42")).isEqualTo(ShellHighlighter.NUMBER);
        assertThat(styleOf(s, "\"Odd\"")).isEqualTo(ShellHighlighter.QUOTED_NAME);
        assertThat(styleOf(s, "/* c */")).isEqualTo(ShellHighlighter.COMMENT);
        assertThat(s.toString()).isEqualTo("MARK GROUP shop 'before batch' COMMENT $$x$$; -- why\nSELECT 42, \"Odd\" /* c */;");
    }

    @Test
    void metaCommandsAndVariables() {
        AttributedString s = highlighter.highlight("\\set g 'shop'\nUSE :g");
        assertThat(styleOf(s, "\\set")).isEqualTo(ShellHighlighter.META);
        assertThat(styleOf(s, "'shop'")).isEqualTo(ShellHighlighter.STRING);
        assertThat(styleOf(s, ":g")).isEqualTo(ShellHighlighter.VARIABLE);
    }

    @Test
    void redFromTheFirstTokenTheGrammarRejectsToTheEndOfItsStatement() {
        AttributedString s = highlighter.highlight("SHOW GROUPS; ROLLBAK TO 'start'; SHOW MARKS;");

        assertThat(styleOf(s, "ROLLBAK TO 'start'")).isEqualTo(ShellHighlighter.ERROR);
        assertThat(styleOf(s, "GROUPS")).isEqualTo(ShellHighlighter.KEYWORD);
        assertThat(styleOf(s, "MARKS")).isEqualTo(ShellHighlighter.KEYWORD);

        AttributedString extra = highlighter.highlight("SHOW GROUPS extra words");
        assertThat(styleOf(extra, "extra words")).isEqualTo(ShellHighlighter.ERROR);
        assertThat(styleOf(extra, "SHOW")).isEqualTo(ShellHighlighter.KEYWORD);

        // A character the lexer does not know is red even where SQL passes the rest to the server.
        AttributedString stray = highlighter.highlight("SELECT 1 { 2");
        assertThat(styleOf(stray, "{")).isEqualTo(ShellHighlighter.ERROR);
        assertThat(styleOf(stray, "SELECT")).isEqualTo(ShellHighlighter.KEYWORD);
    }

    @Test
    void aWordStillBeingTypedIsNotAnError() {
        assertThat(highlighter.errors("SHOW GRO")).isEmpty();
        assertThat(highlighter.errors("ROLLBACK TO 'unfinished")).isEmpty();
        assertThat(highlighter.errors("VERIFY GRO ")).isNotEmpty();
        assertThat(highlighter.errors("SHOW GROUPS x")).isNotEmpty();
    }

    @Test
    void wideCharactersKeepTheirPlace() {
        AttributedString s = highlighter.highlight("MARK '東京 😀' COMMENT 'é'");
        assertThat(styleOf(s, "'東京 😀'")).isEqualTo(ShellHighlighter.STRING);
        assertThat(styleOf(s, "COMMENT")).isEqualTo(ShellHighlighter.KEYWORD);
        assertThat(styleOf(s, "'é'")).isEqualTo(ShellHighlighter.STRING);
    }
}
