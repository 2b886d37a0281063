package org.emajshell.render;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden texts of SHOW CHANGES diffs: the table form, the skinny form of wide rows, colors. */
class DiffPrinterTest {

    private static final List<Column> PRODUCT = List.of(Column.right("id"), Column.left("name"), Column.right("price"),
        Column.left("category"));

    /** A stream of one or more tables, each with its changes. */
    private static ChangeStream stream(Object... tablesAndChanges) {
        List<ChangedTable> tables = new ArrayList<>();
        List<List<RowChange>> changes = new ArrayList<>();
        for (int i = 0; i < tablesAndChanges.length; i += 2) {
            tables.add((ChangedTable) tablesAndChanges[i]);
            @SuppressWarnings("unchecked")
            List<RowChange> c = (List<RowChange>) tablesAndChanges[i + 1];
            changes.add(c);
        }
        return new ChangeStream() {
            int table = -1;
            Iterator<RowChange> current;

            @Override
            public ChangedTable nextTable() {
                table++;
                if (table >= tables.size()) {
                    return null;
                }
                current = changes.get(table).iterator();
                return tables.get(table);
            }

            @Override
            public RowChange nextChange() {
                return current != null && current.hasNext() ? current.next() : null;
            }

            @Override
            public String summary(long shown, int count) {
                return "(" + shown + " changes in " + count + " tables since 'm')";
            }
        };
    }

    private static Map<RowChange.Kind, Long> counts(Object... kindsAndCounts) {
        Map<RowChange.Kind, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kindsAndCounts.length; i += 2) {
            m.put((RowChange.Kind) kindsAndCounts[i], ((Number) kindsAndCounts[i + 1]).longValue());
        }
        return m;
    }

    private static String print(ChangeStream changes, boolean colors, BorderStyle border, int width) {
        StringWriter sw = new StringWriter();
        new DiffPrinter(colors, border, width).print(changes, new PrintWriter(sw));
        return sw.toString();
    }

    private static ChangeStream products() {
        ChangedTable product = new ChangedTable("shop.product", PRODUCT, List.of(0),
            counts(RowChange.Kind.UPDATE, 2, RowChange.Kind.INSERT, 1, RowChange.Kind.DELETE, 1));
        return stream(product, List.of(
            new RowChange(RowChange.Kind.UPDATE, List.of("7", "Assam", "4.50", "tea"), List.of("7", "Assam", "4.95", "tea")),
            new RowChange(RowChange.Kind.UPDATE, List.of("9", "Sencha", "3.20", "tea"),
                Arrays.asList("9", "Sencha 緑茶", null, "tea")),
            new RowChange(RowChange.Kind.INSERT, null, List.of("31", "Oolong", "5.10", "tea")),
            new RowChange(RowChange.Kind.DELETE, List.of("2", "Line\nbreak", "1.00", "misc"), null)));
    }

    @Test
    void narrowRowsAsATableWithOldAndNewValuesInTheChangedColumns() {
        assertThat(print(products(), false, BorderStyle.UNICODE, 100)).isEqualTo("""
            shop.product — 2 updated, 1 inserted, 1 deleted
               │ id │         name          │    price     │ category
            ───┼────┼───────────────────────┼──────────────┼──────────
             ~ │  7 │ Assam                 │ 4.50 -> 4.95 │ tea
             ~ │  9 │ Sencha -> Sencha 緑茶 │ 3.20 -> NULL │ tea
             + │ 31 │ Oolong                │         5.10 │ tea
             - │  2 │ Line\\nbreak           │         1.00 │ misc

            (4 changes in 1 tables since 'm')
            """);
    }

    @Test
    void wideRowsSkinnyWithTheKeyAndTheChangedColumnsOnly() {
        assertThat(print(products(), false, BorderStyle.ASCII, 40)).isEqualTo("""
            shop.product - 2 updated, 1 inserted, 1 deleted
              ~ id=7   price: 4.50 -> 4.95
              ~ id=9   name: Sencha -> Sencha 緑茶  price: 3.20 -> NULL
              + id=31  name: Oolong, price: 5.10, category: tea
              - id=2   name: Line\\nbreak, price: 1.00, category: misc

            (4 changes in 1 tables since 'm')
            """);
    }

    @Test
    void colorsMeanInsertedDeletedAndChanged() {
        String colored = print(products(), true, BorderStyle.UNICODE, 40);
        String green = "\u001B[32m";
        String red = "\u001B[31m";
        assertThat(colored).contains(green + "name: Oolong").contains(red + "name: Line\\nbreak")
            .contains(red + "4.50").contains(green + "4.95");
        assertThat(print(products(), false, BorderStyle.UNICODE, 40)).doesNotContain("\u001B[");
    }

    @Test
    void consolidatedRowsThatEndAsTheyStartedAndTablesWithoutKey() {
        ChangedTable t = new ChangedTable("s.t", List.of(Column.right("id"), Column.left("v")), List.of(0),
            counts(RowChange.Kind.UNCHANGED, 1, RowChange.Kind.TRANSIENT, 1));
        ChangedTable noKey = new ChangedTable("s.log", List.of(Column.left("line")), List.of(), null);
        String text = print(stream(
            t, List.of(new RowChange(RowChange.Kind.UNCHANGED, List.of("1", "a"), List.of("1", "a")),
                new RowChange(RowChange.Kind.TRANSIENT, null, List.of("2", "b"))),
            noKey, List.of(new RowChange(RowChange.Kind.INSERT, null, List.of("hello")))), false, BorderStyle.ASCII, 10);
        assertThat(text).isEqualTo("""
            s.t - 1 unchanged, 1 inserted then deleted
              = id=1  v: a  (unchanged)
              = id=2  v: b  (inserted then deleted)

            s.log
               | line
            ---+-------
             + | hello

            (3 changes in 2 tables since 'm')
            """);
    }

    @Test
    void noChangeAtAll() {
        assertThat(print(stream(), false, BorderStyle.UNICODE, 80)).isEqualTo("(0 changes in 0 tables since 'm')\n");
    }
}
