package org.emajshell.emaj;

import java.util.List;

/**
 * A table that a server function works through, as the shell watches it: the relations whose
 * locks show that the function has reached it (its log table, or its indexes) and how much work
 * it weighs (rows to read or to copy).
 *
 * @param name     schema.table, for the user
 * @param lockOids the relations (pg_class oids) that the function locks when it reaches the table
 * @param rows     the rows it weighs, an estimate when nothing better is known
 */
public record WatchedTable(String name, List<Long> lockOids, long rows) {
    public WatchedTable {
        lockOids = List.copyOf(lockOids);
    }
}
