package org.emajshell.render;

import java.io.PrintWriter;

/**
 * psql's default: an aligned table followed by an empty line; expanded instead with \x on, or
 * with \x auto when the table would be wider than the screen.
 */
final class AlignedFormat implements ResultFormat {

    private final DisplaySettings settings;

    AlignedFormat(DisplaySettings settings) {
        this.settings = settings;
    }

    @Override
    public void rows(RowStream rows, PrintWriter out) {
        ExpandedPrinter expanded = new ExpandedPrinter(settings.border, settings.nullDisplay);
        switch (settings.expanded) {
            case ON -> expanded.print(rows, out);
            case AUTO -> new AlignedPrinter(settings.border, settings.nullDisplay).print(rows, out, settings.width, expanded);
            default -> new AlignedPrinter(settings.border, settings.nullDisplay).print(rows, out);
        }
        out.println();
    }
}
