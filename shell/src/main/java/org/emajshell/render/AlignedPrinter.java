package org.emajshell.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows psql-style: a centred header, a rule, left-aligned text and right-aligned numbers,
 * then the footer. Multi-line cells continue on following lines.
 *
 * <p>Rows stream: the column widths come from the first {@value #BATCH} rows (psql's FETCH_COUNT
 * habit), and only as many rows as that are held at a time; a later row wider than its column
 * widens the column from there on.
 */
public final class AlignedPrinter {

    /** How many rows are held to compute the column widths. */
    static final int BATCH = 1000;

    private final BorderStyle border;
    private final String nullDisplay;

    public AlignedPrinter(BorderStyle border, String nullDisplay) {
        this.border = border;
        this.nullDisplay = nullDisplay;
    }

    public void print(Table table, PrintWriter out) {
        print(RowStream.of(table), out);
    }

    public void print(RowStream rows, PrintWriter out) {
        print(rows, out, 0, null);
    }

    /**
     * Prints the rows, or hands them to {@code expanded} when {@code screenWidth} is positive and
     * the table would be wider than that (\x auto).
     */
    void print(RowStream rows, PrintWriter out, int screenWidth, ExpandedPrinter expanded) {
        List<Column> columns = rows.columns();
        int n = columns.size();
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = DisplayWidth.of(columns.get(c).name());
        }
        List<List<String>> batch = readBatch(rows, widths);
        if (expanded != null && screenWidth > 0 && n > 0 && tableWidth(widths) > screenWidth) {
            expanded.print(prepend(batch, rows), out);
            return;
        }
        printHeader(columns, widths, out);
        long count = 0;
        while (!batch.isEmpty()) {
            for (List<String> row : batch) {
                printRow(columns, widths, row, out);
            }
            count += batch.size();
            out.flush();
            batch = batch.size() < BATCH ? List.of() : readBatch(rows, widths);
        }
        out.println(rows.footer(count));
        out.flush();
    }

    /** The width of the table's lines for these column widths. */
    static int tableWidth(int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w + 3;
        }
        return Math.max(0, total - 2);
    }

    private List<List<String>> readBatch(RowStream rows, int[] widths) {
        List<List<String>> batch = new ArrayList<>();
        List<String> row;
        while (batch.size() < BATCH && (row = rows.next()) != null) {
            for (int c = 0; c < widths.length; c++) {
                for (String part : lines(row.get(c))) {
                    widths[c] = Math.max(widths[c], DisplayWidth.of(part));
                }
            }
            batch.add(row);
        }
        return batch;
    }

    private String[] lines(String value) {
        return (value == null ? nullDisplay : value).split("\r?\n", -1);
    }

    private void printHeader(List<Column> columns, int[] widths, PrintWriter out) {
        StringBuilder head = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                head.append(border.vertical);
                rule.append(border.cross);
            }
            head.append(' ').append(center(columns.get(c).name(), widths[c])).append(' ');
            rule.append(border.horizontal.repeat(widths[c] + 2));
        }
        out.println(stripEnd(head));
        out.println(rule);
    }

    private void printRow(List<Column> columns, int[] widths, List<String> values, PrintWriter out) {
        int n = columns.size();
        String[][] row = new String[n][];
        int height = 1;
        for (int c = 0; c < n; c++) {
            row[c] = lines(values.get(c));
            height = Math.max(height, row[c].length);
        }
        for (int line = 0; line < height; line++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < n; c++) {
                String[] parts = row[c];
                String text = line < parts.length ? parts[line] : "";
                if (c > 0) {
                    sb.append(border.vertical);
                }
                sb.append(' ')
                  .append(columns.get(c).alignRight() ? padLeft(text, widths[c]) : padRight(text, widths[c]))
                  .append(' ');
            }
            out.println(stripEnd(sb));
        }
    }

    /** The rows already read, then the rest of the stream. */
    private static RowStream prepend(List<List<String>> first, RowStream rest) {
        return new RowStream() {
            private int next;

            @Override
            public List<Column> columns() {
                return rest.columns();
            }

            @Override
            public List<String> next() {
                if (next < first.size()) {
                    return first.get(next++);
                }
                return first.size() < BATCH ? null : rest.next();
            }

            @Override
            public String footer(long count) {
                return rest.footer(count);
            }
        };
    }

    static String center(String text, int width) {
        int space = width - DisplayWidth.of(text);
        int left = space / 2;
        return " ".repeat(Math.max(0, left)) + text + " ".repeat(Math.max(0, space - left));
    }

    static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - DisplayWidth.of(text)));
    }

    static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - DisplayWidth.of(text))) + text;
    }

    static String stripEnd(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }
}
