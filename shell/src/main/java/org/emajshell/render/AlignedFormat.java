package org.emajshell.render;

import java.io.PrintWriter;

/** psql's default: an aligned table followed by an empty line. */
final class AlignedFormat implements ResultFormat {

    private final AlignedPrinter printer;

    AlignedFormat(BorderStyle border) {
        this.printer = new AlignedPrinter(border, "");
    }

    @Override
    public void table(Table table, PrintWriter out) {
        printer.print(table, out);
        out.println();
    }
}
