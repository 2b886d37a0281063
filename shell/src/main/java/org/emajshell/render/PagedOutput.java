package org.emajshell.render;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The output of one command on an interactive terminal: held while it fits the screen, and sent
 * to the pager ({@code $PAGER}, psql's {@code less -SRXF} by default) as soon as it is longer or
 * wider than the screen, the rest then streaming into the pager. What fits is written to the
 * screen at the end of the command. Only one screenful is ever held.
 */
final class PagedOutput extends Writer {

    /** Starts and stops the pager process around the terminal (the terminal pauses meanwhile). */
    interface PagerControl {
        void pause();

        void resume();
    }

    private final PrintWriter screen;
    private final int height;
    private final int width;
    private final String command;
    private final PagerControl control;
    private final StringBuilder held = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private int lines;
    private Process pager;
    private Writer toPager;
    private boolean closed;
    /** No pager for this command after all: everything goes straight to the screen. */
    private boolean passThrough;
    /** Whether wide lines call for the pager (tables do; messages wrap, as on any terminal). */
    private boolean widthMatters = true;

    PagedOutput(PrintWriter screen, int height, int width, String command, boolean always, PagerControl control) {
        this.screen = screen;
        this.height = height;
        this.width = width;
        this.command = command;
        this.control = control;
        if (always) {
            lines = Integer.MAX_VALUE / 2;
        }
    }

    boolean paging() {
        return pager != null;
    }

    /** Tables: a line wider than the screen calls for the pager; text: it wraps. */
    void widthMatters(boolean matters) {
        widthMatters = matters;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        if (closed) {
            return; // the user quit the pager: the rest of the output is not wanted
        }
        if (pager != null) {
            toPager(cbuf, off, len);
            return;
        }
        if (passThrough) {
            screen.write(cbuf, off, len);
            return;
        }
        held.append(cbuf, off, len);
        for (int i = off; i < off + len; i++) {
            char ch = cbuf[i];
            if (ch == '\n') {
                lines++;
                if (widthMatters && visibleWidth(line) > width) {
                    lines = Integer.MAX_VALUE / 2;
                }
                line.setLength(0);
            } else {
                line.append(ch);
            }
        }
        if (lines >= height - 1 || (widthMatters && visibleWidth(line) > width)) {
            startPager();
        }
    }

    private void startPager() {
        try {
            control.pause();
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", command);
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().putIfAbsent("LESS", "");
            pager = pb.start();
            toPager = new OutputStreamWriter(pager.getOutputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // No pager after all: the screen gets the output.
            control.resume();
            pager = null;
            release();
            return;
        }
        String text = held.toString();
        held.setLength(0);
        toPager(text.toCharArray(), 0, text.length());
    }

    private void toPager(char[] cbuf, int off, int len) {
        try {
            toPager.write(cbuf, off, len);
        } catch (IOException e) {
            closed = true;
        }
    }

    /** True once the user has quit the pager: producers of output may stop. */
    boolean isClosed() {
        return closed;
    }

    @Override
    public void flush() {
        if (pager != null && !closed) {
            try {
                toPager.flush();
            } catch (IOException e) {
                closed = true;
            }
        } else if (passThrough) {
            screen.flush();
        }
    }

    /**
     * Gives up paging for this command if it has not started: what is held goes to the screen now
     * and the rest follows it directly (before an error message, say, so that the order stays).
     */
    void release() {
        if (pager == null) {
            passThrough = true;
            screen.append(held);
            screen.flush();
            held.setLength(0);
        }
    }

    /** Ends the command's output: waits for the pager, or writes what was held to the screen. */
    @Override
    public void close() {
        if (pager == null) {
            screen.append(held);
            screen.flush();
            held.setLength(0);
            return;
        }
        try {
            toPager.close();
        } catch (IOException ignored) {
            // the user quit the pager early
        }
        try {
            pager.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pager = null;
            control.resume();
        }
    }

    /** Display width of a line, escape sequences (colors) left out. */
    static int visibleWidth(CharSequence s) {
        StringBuilder plain = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == 27 && i + 1 < s.length() && s.charAt(i + 1) == '[') {
                i += 2;
                while (i < s.length() && (s.charAt(i) < '@' || s.charAt(i) > '~')) {
                    i++;
                }
                continue;
            }
            plain.append(ch);
        }
        return DisplayWidth.of(plain.toString());
    }
}
