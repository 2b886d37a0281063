package org.emajshell.render;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden texts of the expanded display (\x). */
class ExpandedPrinterTest {

    private static String print(Table table, BorderStyle border, String nullDisplay) {
        StringWriter sw = new StringWriter();
        new ExpandedPrinter(border, nullDisplay).print(table, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void oneBlockPerRowLikePsql() {
        Table table = new Table(List.of(Column.left("group"), Column.right("tables"), Column.left("comment")),
            List.of(List.of("shop", "3", "demo group"), List.of("accounting", "12", "")), "(2 groups)");

        assertThat(print(table, BorderStyle.ASCII, "")).isEqualTo("""
            -[ RECORD 1 ]-------
            group   | shop
            tables  | 3
            comment | demo group
            -[ RECORD 2 ]-------
            group   | accounting
            tables  | 12
            comment |
            (2 groups)
            """);
    }

    @Test
    void theRuleCrossesTheBorderWhenTheLabelsAreWide() {
        Table table = new Table(List.of(Column.left("changes since last mark"), Column.left("v")),
            List.of(List.of("124", "x")), "(1 row)");

        assertThat(print(table, BorderStyle.UNICODE, "")).isEqualTo("""
            ─[ RECORD 1 ]───────────┼────
            changes since last mark │ 124
            v                       │ x
            (1 row)
            """);
    }

    @Test
    void wideCharactersNullsAndMultiLineValues() {
        Table table = new Table(List.of(Column.left("name"), Column.left("note")),
            List.of(Arrays.asList("東京", null), Arrays.asList("Zoë", "line one\nline two")), "(2 rows)");

        assertThat(print(table, BorderStyle.ASCII, "(null)")).isEqualTo("""
            -[ RECORD 1 ]--
            name | 東京
            note | (null)
            -[ RECORD 2 ]--
            name | Zoë
            note | line one
                 | line two
            (2 rows)
            """);
    }

    @Test
    void anEmptyResultShowsItsFooterOnly() {
        Table table = new Table(List.of(Column.left("mark")), List.of(), "(0 marks)");

        assertThat(print(table, BorderStyle.UNICODE, "")).isEqualTo("(0 marks)\n");
    }
}
