package org.emajshell.render;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlignedPrinterTest {

    private static String print(Table table, BorderStyle border) {
        StringWriter sw = new StringWriter();
        new AlignedPrinter(border, "").print(table, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void numbersAlignRightTextLeftHeadersCentred() {
        Table table = new Table(List.of(Column.left("group"), Column.right("tables"), Column.left("comment")),
            List.of(List.of("shop", "3", "demo group"), List.of("accounting", "12", "")),
            "(2 groups)");

        assertThat(print(table, BorderStyle.UNICODE)).isEqualTo("""
               group    │ tables │  comment
            ────────────┼────────┼────────────
             shop       │      3 │ demo group
             accounting │     12 │
            (2 groups)
            """);
    }

    @Test
    void asciiBordersLikePsql() {
        Table table = new Table(List.of(Column.left("a"), Column.right("b")), List.of(List.of("x", "1")), "(1 row)");

        assertThat(print(table, BorderStyle.ASCII)).isEqualTo("""
             a | b
            ---+---
             x | 1
            (1 row)
            """);
    }

    @Test
    void wideCharactersTakeTwoColumnsAndNullsPrintEmpty() {
        Table table = new Table(List.of(Column.left("name"), Column.left("city")),
            List.of(Arrays.asList("東京", null), Arrays.asList("Zoë", "Pau")), "(2 rows)");

        assertThat(print(table, BorderStyle.UNICODE)).isEqualTo("""
             name │ city
            ──────┼──────
             東京 │
             Zoë  │ Pau
            (2 rows)
            """);
    }

    @Test
    void multiLineCellsContinueOnTheNextLines() {
        Table table = new Table(List.of(Column.left("k"), Column.left("v")),
            List.of(List.of("a", "line one\nline two"), List.of("b", "x")), "(2 rows)");

        assertThat(print(table, BorderStyle.UNICODE)).isEqualTo("""
             k │    v
            ───┼──────────
             a │ line one
               │ line two
             b │ x
            (2 rows)
            """);
    }

    @Test
    void emptyResultStillShowsTheHeader() {
        Table table = new Table(List.of(Column.left("mark")), List.of(), "(0 marks)");

        assertThat(print(table, BorderStyle.UNICODE)).isEqualTo("""
             mark
            ──────
            (0 marks)
            """);
    }
}
