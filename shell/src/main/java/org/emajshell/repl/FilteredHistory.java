package org.emajshell.repl;

import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * JLine's history, minus the lines {@link HistoryFilter} refuses. Every entered line reaches the
 * history through {@link #add(Instant, String)}, which also appends it to the file: refused there,
 * a line is in neither. (JLine's own HISTORY_IGNORE takes glob patterns, too coarse for this.)
 * Lines read from the file go through the filter too: a file written by an older version (or by
 * hand) loses its secrets at the first start, and is written again without them.
 */
final class FilteredHistory extends DefaultHistory {

    private LineReader reader;
    private boolean dropped;

    @Override
    public void attach(LineReader reader) {
        this.reader = reader;
        super.attach(reader);
    }

    @Override
    public void add(Instant time, String line) {
        if (HistoryFilter.keep(line)) {
            super.add(time, line);
        }
    }

    @Override
    protected void addHistoryLine(Path path, String line, boolean checkDuplicates) {
        if (HistoryFilter.keep(line)) {
            super.addHistoryLine(path, line, checkDuplicates);
        } else {
            dropped = true;
        }
    }

    @Override
    public void load() throws IOException {
        dropped = false;
        super.load();
        Object file = reader == null ? null : reader.getVariable(LineReader.HISTORY_FILE);
        if (dropped && file != null) {
            write(file instanceof Path p ? p : Path.of(file.toString()), false);
        }
    }
}
