package org.emajshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Row changes grouped by table, as they stream from the logs: {@link #nextTable()} gives a table,
 * then {@link #nextChange()} its changes until null, then the next table.
 * Reading may throw {@link RowStream.ReadFailure}.
 */
public interface ChangeStream {

    /** The next table, or null when there is none left (its changes may have been left unread). */
    ChangedTable nextTable();

    /** The next change of the current table, or null when it has no more. */
    RowChange nextChange();

    /** The line after the diff, given how many changes were shown in how many tables. */
    String summary(long shown, int tables);

    /**
     * The changes as rows, one per changed value: table, change, key, column, old, new (inserted
     * and deleted rows give one row per column, updates one per changed column).
     */
    static RowStream asRows(ChangeStream changes) {
        List<Column> columns = List.of(Column.left("table"), Column.left("change"), Column.left("key"),
            Column.left("column"), Column.left("old"), Column.left("new"));
        return new RowStream() {
            private ChangedTable table;
            private boolean done;
            private final List<List<String>> pending = new ArrayList<>();
            private long shown;
            private int tables;

            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public List<String> next() {
                while (pending.isEmpty()) {
                    if (done) {
                        return null;
                    }
                    RowChange change = table == null ? null : changes.nextChange();
                    if (change == null) {
                        table = changes.nextTable();
                        if (table == null) {
                            done = true;
                            return null;
                        }
                        tables++;
                        continue;
                    }
                    shown++;
                    String key = DiffPrinter.keyText(table, change);
                    for (int c = 0; c < table.columns().size(); c++) {
                        if (change.kind() == RowChange.Kind.UPDATE && !change.changed(c)) {
                            continue;
                        }
                        pending.add(java.util.Arrays.asList(table.name(), change.kind().name().toLowerCase(java.util.Locale.ROOT),
                            key, table.columns().get(c).name(),
                            change.before() == null ? null : change.before().get(c),
                            change.after() == null ? null : change.after().get(c)));
                    }
                }
                return pending.remove(0);
            }

            @Override
            public String footer(long count) {
                return changes.summary(shown, tables);
            }
        };
    }
}
