package org.emajshell.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a table psql-style: a centred header, a rule, left-aligned text and right-aligned
 * numbers, then the footer. Multi-line cells continue on following lines.
 */
public final class AlignedPrinter {

    private final BorderStyle border;
    private final String nullDisplay;

    public AlignedPrinter(BorderStyle border, String nullDisplay) {
        this.border = border;
        this.nullDisplay = nullDisplay;
    }

    public void print(Table table, PrintWriter out) {
        List<Column> columns = table.columns();
        int n = columns.size();
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = DisplayWidth.of(columns.get(c).name());
        }
        List<List<String[]>> cells = new ArrayList<>();
        for (List<String> row : table.rows()) {
            List<String[]> lines = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                String value = row.get(c) == null ? nullDisplay : row.get(c);
                String[] parts = value.split("\r?\n", -1);
                for (String part : parts) {
                    widths[c] = Math.max(widths[c], DisplayWidth.of(part));
                }
                lines.add(parts);
            }
            cells.add(lines);
        }
        printHeader(columns, widths, out);
        for (List<String[]> row : cells) {
            printRow(columns, widths, row, out);
        }
        out.println(table.footer());
        out.flush();
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

    private void printRow(List<Column> columns, int[] widths, List<String[]> row, PrintWriter out) {
        int height = row.stream().mapToInt(parts -> parts.length).max().orElse(1);
        for (int line = 0; line < height; line++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < columns.size(); c++) {
                String[] parts = row.get(c);
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

    private static String center(String text, int width) {
        int space = width - DisplayWidth.of(text);
        int left = space / 2;
        return " ".repeat(left) + text + " ".repeat(space - left);
    }

    private static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - DisplayWidth.of(text)));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - DisplayWidth.of(text))) + text;
    }

    private static String stripEnd(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }
}
