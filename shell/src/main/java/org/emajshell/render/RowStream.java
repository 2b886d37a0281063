package org.emajshell.render;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rows that arrive one at a time (from a server-side cursor, say): the printer pulls them as it
 * prints, so nothing needs the whole result in memory. Values are display strings, null for SQL
 * NULL.
 */
public interface RowStream {

    List<Column> columns();

    /**
     * The next row, or null when there is none left.
     *
     * @throws ReadFailure when the rows cannot be read any more (the server failed, the command
     *                     was cancelled); the owner of the stream turns it back into its error
     */
    List<String> next();

    /** The line under the rows once they are all read, such as "(3 rows)". */
    default String footer(long count) {
        return Table.countFooter(count, "row", "rows");
    }

    /** Reads what is left into a table (for formats that need every row before they start). */
    default Table collect() {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row = next(); row != null; row = next()) {
            rows.add(row);
        }
        return new Table(columns(), rows, footer(rows.size()));
    }

    /** The rows of a table that is already in memory. */
    static RowStream of(Table table) {
        Iterator<List<String>> it = table.rows().iterator();
        return new RowStream() {
            @Override
            public List<Column> columns() {
                return table.columns();
            }

            @Override
            public List<String> next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public String footer(long count) {
                return table.footer();
            }

            @Override
            public Table collect() {
                return it.hasNext() ? RowStream.super.collect() : table;
            }
        };
    }

    /** Reading the rows failed; the cause is the underlying error (an SQLException, say). */
    final class ReadFailure extends RuntimeException {
        public ReadFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
