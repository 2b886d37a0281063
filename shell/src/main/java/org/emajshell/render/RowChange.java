package org.emajshell.render;

import java.util.Collections;
import java.util.List;

/**
 * One changed row of a table, as a diff shows it: its values before and after, in the order of
 * the table's columns (null values are SQL NULLs; a null list means the row did not exist).
 */
public record RowChange(Kind kind, List<String> before, List<String> after) {

    /** What happened to the row. */
    public enum Kind {
        INSERT("+", "inserted"),
        DELETE("-", "deleted"),
        UPDATE("~", "updated"),
        TRUNCATE("-", "truncated"),
        /** Consolidated PARTIAL: changed in between, but back to its values at the start. */
        UNCHANGED("=", "unchanged"),
        /** Consolidated PARTIAL: inserted then deleted inside the range. */
        TRANSIENT("=", "inserted then deleted");

        private final String marker;
        private final String word;

        Kind(String marker, String word) {
            this.marker = marker;
            this.word = word;
        }

        /** The sign in front of the row: + - ~ =. */
        public String marker() {
            return marker;
        }

        /** As counts say it: "inserted", "updated", ... */
        public String word() {
            return word;
        }
    }

    public RowChange {
        before = before == null ? null : Collections.unmodifiableList(before);
        after = after == null ? null : Collections.unmodifiableList(after);
    }

    /** The values that identify the row: after the change when it exists then, else before. */
    public List<String> current() {
        return after != null ? after : before;
    }

    /** True when column {@code c} changed (an update's old and new values differ). */
    public boolean changed(int c) {
        if (before == null || after == null) {
            return true;
        }
        String a = before.get(c);
        String b = after.get(c);
        return a == null ? b != null : !a.equals(b);
    }
}
