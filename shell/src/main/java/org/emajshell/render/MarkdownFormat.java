package org.emajshell.render;

import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub-flavoured Markdown, for reports and tickets: each table as a pipe table (numbers
 * aligned right) followed by its footer, each message as a paragraph, or as a fenced block when
 * it has several lines (a rollback plan, say). Characters that Markdown would read as markup are
 * escaped; line breaks inside a value become {@code <br>}; NULL is an empty cell.
 */
final class MarkdownFormat implements ResultFormat {

    @Override
    public void rows(RowStream rows, PrintWriter out) {
        List<Column> columns = rows.columns();
        StringBuilder head = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (Column column : columns) {
            head.append(' ').append(cell(column.name())).append(" |");
            rule.append(column.alignRight() ? " ---: |" : " --- |");
        }
        out.println(head);
        out.println(rule);
        long count = 0;
        StringBuilder line = new StringBuilder();
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            count++;
            line.setLength(0);
            line.append('|');
            for (String value : row) {
                line.append(' ').append(value == null ? "" : cell(value)).append(" |");
            }
            out.println(line);
        }
        out.println();
        out.println(cell(rows.footer(count)));
        out.println();
        out.flush();
    }

    @Override
    public void message(String text, PrintWriter out) {
        if (text.isEmpty()) {
            return;
        }
        if (text.contains("\n")) {
            String fence = text.contains("```") ? "~~~~" : "```";
            out.println(fence);
            out.println(text);
            out.println(fence);
        } else {
            out.println(cell(text));
        }
        out.println();
    }

    /** Escapes a value for a table cell or a paragraph. */
    static String cell(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\', '|', '*', '`', '<', '>', '[', ']' -> sb.append('\\').append(ch);
                case '\r' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                    sb.append("<br>");
                }
                case '\n' -> sb.append("<br>");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
