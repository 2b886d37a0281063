package org.emajshell.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table in a diff: its name, columns, which of them form its primary key (indexes into the
 * columns; empty when it has none) and, when known, how many changes of each kind it has.
 */
public record ChangedTable(String name, List<Column> columns, List<Integer> key, Map<RowChange.Kind, Long> counts) {

    public ChangedTable {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        counts = counts == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The total of the counts, or -1 when they are not known. */
    public long total() {
        return counts == null ? -1 : counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "12 updated, 1 inserted" (the kinds in the order of the counts), or "" when not known. */
    public String countsText() {
        if (counts == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<RowChange.Kind, Long> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(e.getValue()).append(' ').append(e.getKey().word());
            }
        }
        return sb.length() == 0 ? "no change" : sb.toString();
    }
}
