package org.emajshell.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A result table ready to print: columns, rows of display strings (null = SQL NULL) and a
 * footer such as "(3 rows)".
 */
public record Table(List<Column> columns, List<List<String>> rows, String footer) {

    public Table {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        Objects.requireNonNull(footer, "footer");
    }

    /** "(1 group)", "(3 groups)", "(0 groups)". */
    public static String countFooter(long count, String singular, String plural) {
        return "(" + count + " " + (count == 1 ? singular : plural) + ")";
    }
}
