package org.emajshell.render;

import java.io.PrintWriter;
import java.util.List;

/**
 * CSV as RFC 4180 and psql's {@code --csv} write it: a header line, then one line per row, no
 * footer. A value is quoted when it holds a comma, a quote, a line break or leading or trailing
 * spaces, and an empty string is written {@code ""} so that it differs from NULL (nothing).
 * Status messages are written as they are, as psql does; {@code -q} leaves them out.
 */
final class CsvFormat implements ResultFormat {

    @Override
    public void rows(RowStream rows, PrintWriter out) {
        List<Column> columns = rows.columns();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            line.append(field(columns.get(c).name()));
        }
        out.println(line);
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            line.setLength(0);
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                String value = row.get(c);
                if (value != null) {
                    line.append(field(value));
                }
            }
            out.println(line);
        }
        out.flush();
    }

    static String field(String value) {
        boolean quote = value.isEmpty() || value.startsWith(" ") || value.endsWith(" ");
        for (int i = 0; i < value.length() && !quote; i++) {
            char ch = value.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
