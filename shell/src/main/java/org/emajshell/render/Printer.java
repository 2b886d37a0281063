package org.emajshell.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.PrintWriter;

/**
 * Where results go: tables through the chosen table printer, messages as they are, warnings
 * and errors in colour when colours are on (a terminal without NO_COLOR), plain otherwise.
 * Errors go to the error stream so that scripts can separate them.
 */
public final class Printer {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean colors;
    private final AlignedPrinter aligned;

    public Printer(PrintWriter out, PrintWriter err, boolean colors, BorderStyle border) {
        this.out = out;
        this.err = err;
        this.colors = colors;
        this.aligned = new AlignedPrinter(border, "");
    }

    public void table(Table table) {
        aligned.print(table, out);
        out.println();
        out.flush();
    }

    public void message(String text) {
        if (!text.isEmpty()) {
            out.println(text);
        }
        out.flush();
    }

    public void warning(String text) {
        out.flush();
        err.println(colored(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
        err.flush();
    }

    /** An error: the first line in red, the following lines (position, caret, hint) plain. */
    public void error(String text) {
        out.flush();
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        err.print(colored(first, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold()));
        err.println(newline < 0 ? "" : text.substring(newline));
        err.flush();
    }

    private String colored(String text, AttributedStyle style) {
        return colors ? new AttributedString(text, style).toAnsi() : text;
    }

    public PrintWriter out() {
        return out;
    }
}
