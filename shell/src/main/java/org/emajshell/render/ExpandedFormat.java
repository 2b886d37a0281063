package org.emajshell.render;

import java.io.PrintWriter;

/** {@code \pset format expanded}: every result as expanded records, whatever \x says. */
final class ExpandedFormat implements ResultFormat {

    private final DisplaySettings settings;

    ExpandedFormat(DisplaySettings settings) {
        this.settings = settings;
    }

    @Override
    public void rows(RowStream rows, PrintWriter out) {
        new ExpandedPrinter(settings.border, settings.nullDisplay).print(rows, out);
        out.println();
    }
}
