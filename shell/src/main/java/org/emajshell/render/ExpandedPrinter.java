package org.emajshell.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's expanded display (\x): one block per row, a "[ RECORD n ]" rule, then one line per column
 * with its name and its value. Suits wide rows. Rows stream: the rule's length comes from the
 * first {@value AlignedPrinter#BATCH} rows.
 */
public final class ExpandedPrinter {

    private final BorderStyle border;
    private final String nullDisplay;

    public ExpandedPrinter(BorderStyle border, String nullDisplay) {
        this.border = border;
        this.nullDisplay = nullDisplay;
    }

    public void print(Table table, PrintWriter out) {
        print(RowStream.of(table), out);
    }

    public void print(RowStream rows, PrintWriter out) {
        List<Column> columns = rows.columns();
        int labelWidth = 0;
        for (Column c : columns) {
            labelWidth = Math.max(labelWidth, DisplayWidth.of(c.name()));
        }
        long count = 0;
        int valueWidth = 0;
        while (true) {
            List<List<String>> batch = new ArrayList<>();
            List<String> row;
            while (batch.size() < AlignedPrinter.BATCH && (row = rows.next()) != null) {
                for (String value : row) {
                    for (String part : lines(value)) {
                        valueWidth = Math.max(valueWidth, DisplayWidth.of(part));
                    }
                }
                batch.add(row);
            }
            for (List<String> r : batch) {
                count++;
                out.println(rule(count, labelWidth, valueWidth));
                for (int c = 0; c < columns.size(); c++) {
                    String[] parts = lines(r.get(c));
                    for (int line = 0; line < parts.length; line++) {
                        String label = line == 0 ? columns.get(c).name() : "";
                        StringBuilder sb = new StringBuilder();
                        sb.append(AlignedPrinter.padRight(label, labelWidth)).append(' ').append(border.vertical)
                          .append(' ').append(parts[line]);
                        out.println(AlignedPrinter.stripEnd(sb));
                    }
                }
            }
            out.flush();
            if (batch.size() < AlignedPrinter.BATCH) {
                break;
            }
        }
        out.println(rows.footer(count));
        out.flush();
    }

    /** "-[ RECORD 3 ]--+------": the cross marks the column border when the title leaves room. */
    private String rule(long number, int labelWidth, int valueWidth) {
        String title = border.horizontal + "[ RECORD " + number + " ]";
        StringBuilder sb = new StringBuilder(title);
        int titleWidth = DisplayWidth.of(title);
        if (titleWidth <= labelWidth) {
            sb.append(border.horizontal.repeat(labelWidth + 1 - titleWidth)).append(border.cross)
              .append(border.horizontal.repeat(valueWidth + 1));
        } else {
            int total = labelWidth + 3 + valueWidth;
            sb.append(border.horizontal.repeat(Math.max(1, total - titleWidth)));
        }
        return sb.toString();
    }

    private String[] lines(String value) {
        return (value == null ? nullDisplay : value).split("\r?\n", -1);
    }
}
