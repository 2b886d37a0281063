package org.emajshell.render;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The printer's display options (\pset, \x, \timing) and streamed rows. */
class PrinterTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Printer printer = new Printer(new PrintWriter(out), new PrintWriter(err), false, BorderStyle.ASCII);

    private static Table groups() {
        return new Table(List.of(Column.left("group"), Column.right("tables")),
            List.of(List.of("shop", "3")), "(1 group)");
    }

    @Test
    void expandedDisplayOnOffAndAuto() {
        assertThat(printer.set("expanded", null)).isEqualTo("Expanded display is on.");
        printer.table(groups());
        assertThat(out.toString()).isEqualTo("""
            -[ RECORD 1 ]-
            group  | shop
            tables | 3
            (1 group)

            """);
        assertThat(printer.set("expanded", null)).isEqualTo("Expanded display is off.");
        assertThat(printer.set("expanded", "auto")).isEqualTo("Expanded display is used automatically.");

        out.getBuffer().setLength(0);
        printer.setWidth(40);
        printer.table(groups());
        assertThat(out.toString()).startsWith(" group | tables\n");

        out.getBuffer().setLength(0);
        printer.setWidth(10);
        printer.table(groups());
        assertThat(out.toString()).startsWith("-[ RECORD 1 ]-\n");
    }

    @Test
    void psetFormatLinestyleNullAndTiming() {
        assertThat(printer.set("format", "expanded")).isEqualTo("Output format is expanded.");
        assertThat(printer.format()).isEqualTo(OutputFormat.EXPANDED);
        assertThat(printer.set("format", "aligned")).isEqualTo("Output format is aligned.");
        assertThat(printer.set("linestyle", "unicode")).isEqualTo("Line style is unicode.");
        assertThat(printer.set("null", "∅")).isEqualTo("Null display is \"∅\".");
        assertThat(printer.set("timing", "on")).isEqualTo("Timing is on.");
        assertThat(printer.set(null, null)).contains("format     aligned").contains("timing     on")
            .contains("linestyle  unicode");

        printer.beginCommand("SQL");
        printer.table(new Table(List.of(Column.left("a")), List.of(java.util.Arrays.asList((String) null)), "(1 row)"));
        printer.endCommand();
        assertThat(out.toString()).startsWith(" a\n───\n ∅\n(1 row)\n\nTime: ").endsWith(" ms\n");

        assertThatThrownBy(() -> printer.set("format", "yaml")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown format");
        assertThatThrownBy(() -> printer.set("border", "2")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> printer.set("timing", "maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timingAboveOneSecondAlsoShowsMinutesAndSeconds() {
        assertThat(Printer.timing(1_500_000)).isEqualTo("Time: 1.500 ms");
        assertThat(Printer.timing(62_250_000_000L)).isEqualTo("Time: 62250.000 ms (01:02.250)");
    }

    @Test
    void rowsStreamInBatchesAndColumnsWidenForLaterRows() {
        int total = AlignedPrinter.BATCH + 2;
        List<Column> columns = List.of(Column.right("n"));
        int[] handedOut = {0};
        RowStream rows = new RowStream() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public List<String> next() {
                if (handedOut[0] == total) {
                    return null;
                }
                handedOut[0]++;
                return List.of(handedOut[0] == total ? "123456" : "7");
            }
        };
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw) {
            private boolean checked;

            @Override
            public void println(String s) {
                // When the first line is written, only the first batch has been read.
                if (!checked) {
                    assertThat(handedOut[0]).isEqualTo(AlignedPrinter.BATCH);
                    checked = true;
                }
                super.println(s);
            }
        };
        new AlignedPrinter(BorderStyle.ASCII, "").print(rows, pw);
        String[] lines = sw.toString().split("\n");
        assertThat(lines[0]).isEqualTo(" n");
        assertThat(lines[2]).isEqualTo(" 7");
        assertThat(lines[lines.length - 2]).isEqualTo(" 123456");
        assertThat(lines[lines.length - 1]).isEqualTo("(" + total + " rows)");
    }

    @Test
    void machineFormatsGetChangesAsOneRowPerChangedValue() {
        List<Column> columns = List.of(Column.right("id"), Column.left("name"));
        ChangedTable table = new ChangedTable("shop.t", columns, List.of(0), null);
        List<RowChange> changes = new ArrayList<>(List.of(
            new RowChange(RowChange.Kind.UPDATE, List.of("1", "a"), List.of("1", "b"))));
        ChangeStream stream = new ChangeStream() {
            boolean given;

            @Override
            public ChangedTable nextTable() {
                if (given) {
                    return null;
                }
                given = true;
                return table;
            }

            @Override
            public RowChange nextChange() {
                return changes.isEmpty() ? null : changes.remove(0);
            }

            @Override
            public String summary(long shown, int tables) {
                return "(" + shown + " change)";
            }
        };
        Table rows = ChangeStream.asRows(stream).collect();
        assertThat(rows.rows()).containsExactly(List.of("shop.t", "update", "id=1", "name", "a", "b"));
        assertThat(rows.footer()).isEqualTo("(1 change)");
    }
}
