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
    private final BorderStyle border;
    private OutputFormat formatName = OutputFormat.ALIGNED;
    private ResultFormat format;

    public Printer(PrintWriter out, PrintWriter err, boolean colors, BorderStyle border) {
        this.out = out;
        this.err = err;
        this.colors = colors;
        this.border = border;
        this.format = new AlignedFormat(border);
    }

    /** Switches the output format (--format, \pset format). */
    public void setFormat(OutputFormat name) {
        this.format = create(name);
        this.formatName = name;
    }

    public OutputFormat format() {
        return formatName;
    }

    private ResultFormat create(OutputFormat name) {
        return switch (name) {
            case ALIGNED -> new AlignedFormat(border);
            default -> throw new IllegalArgumentException("the " + name.displayName()
                + " format is not available yet in this version of the shell");
        };
    }

    public void beginCommand(String command) {
        format.beginCommand(command, out);
    }

    public void endCommand() {
        format.endCommand(out);
        out.flush();
    }

    public void table(Table table) {
        format.table(table, out);
        out.flush();
    }

    public void message(String text) {
        format.message(text, out);
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
