package org.emajshell.repl;

import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;

/**
 * JLine's history, minus the lines {@link HistoryFilter} refuses. Every entered line reaches the
 * history through {@link #add(Instant, String)}, which also appends it to the file: refused there,
 * a line is in neither. (JLine's own HISTORY_IGNORE takes glob patterns, too coarse for this.)
 */
final class FilteredHistory extends DefaultHistory {

    @Override
    public void add(Instant time, String line) {
        if (HistoryFilter.keep(line)) {
            super.add(time, line);
        }
    }
}
