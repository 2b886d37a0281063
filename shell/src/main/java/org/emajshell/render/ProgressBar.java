package org.emajshell.render;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A live progress line on the terminal, redrawn in place:
 * {@code [██████████░░░░░░░░░░] 48%  3/7 tables  1.2 s left}. On anything but an interactive
 * terminal it draws nothing ({@link #NONE}). Updates may come from another thread.
 */
public class ProgressBar {

    /** Draws nothing. */
    public static final ProgressBar NONE = new ProgressBar(null, BorderStyle.ASCII, 0);

    private static final int BAR = 30;

    private final PrintWriter screen;
    private final BorderStyle border;
    private final int width;
    private int drawn;

    ProgressBar(PrintWriter screen, BorderStyle border, int width) {
        this.screen = screen;
        this.border = border;
        this.width = width;
    }

    /** Draws the bar at {@code fraction} (0 to 1) followed by {@code detail}. */
    public synchronized void update(double fraction, String detail) {
        if (screen == null) {
            return;
        }
        draw(line(fraction, detail, border));
    }

    /**
     * Draws a bar that only shows that work goes on (a block moving along it), when how much is
     * left is not known; {@code tick} moves the block.
     */
    public synchronized void pulse(long tick, String detail) {
        if (screen == null) {
            return;
        }
        draw(pulseLine(tick, detail, border));
    }

    static String pulseLine(long tick, String detail, BorderStyle border) {
        String done = border == BorderStyle.UNICODE ? "█" : "#";
        String todo = border == BorderStyle.UNICODE ? "░" : "-";
        int block = 6;
        int span = BAR - block;
        int at = (int) (tick % (2L * span));
        int pos = at <= span ? at : 2 * span - at;
        return "[" + todo.repeat(pos) + done.repeat(block) + todo.repeat(BAR - block - pos) + "]     "
            + (detail == null || detail.isEmpty() ? "" : " " + detail);
    }

    /** Removes the bar from the screen, leaving the cursor at the start of its line. */
    public synchronized void clear() {
        if (screen == null || drawn == 0) {
            return;
        }
        screen.print("\r" + " ".repeat(drawn) + "\r");
        screen.flush();
        drawn = 0;
    }

    /** Draws the bar one last time and moves to the next line, so that it stays on the screen. */
    public synchronized void finish(double fraction, String detail) {
        if (screen == null) {
            return;
        }
        draw(line(fraction, detail, border));
        screen.println();
        screen.flush();
        drawn = 0;
    }

    private void draw(String text) {
        if (width > 0 && DisplayWidth.of(text) >= width) {
            text = text.substring(0, Math.max(0, width - 1));
        }
        int w = DisplayWidth.of(text);
        screen.print("\r" + text + " ".repeat(Math.max(0, drawn - w)));
        screen.flush();
        drawn = w;
    }

    /** The text of the bar (without the carriage return), for tests and summaries. */
    static String line(double fraction, String detail, BorderStyle border) {
        double f = Math.max(0, Math.min(1, fraction));
        int full = (int) Math.round(f * BAR);
        String done = border == BorderStyle.UNICODE ? "█" : "#";
        String todo = border == BorderStyle.UNICODE ? "░" : "-";
        return "[" + done.repeat(full) + todo.repeat(BAR - full) + "] "
            + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(f * 100))
            + (detail == null || detail.isEmpty() ? "" : "  " + detail);
    }
}
