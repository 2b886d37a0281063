package org.emajshell.render;

import java.util.Locale;

/**
 * The display options a user can change while the shell runs (\pset, \x, \timing): one object per
 * printer, read by the formats each time they print.
 */
public final class DisplaySettings {

    /** \x: expanded display always, never, or when the aligned table would not fit the screen. */
    public enum Expanded { OFF, ON, AUTO }

    /** \pset pager: never, when the output does not fit the screen, always. */
    public enum PagerUse { OFF, ON, ALWAYS }

    /** Default pager command, psql's habit: quit at once when the output fits, keep colors, no wrap. */
    public static final String DEFAULT_PAGER = "less -SRXF";

    OutputFormat format = OutputFormat.ALIGNED;
    Expanded expanded = Expanded.OFF;
    boolean timing;
    BorderStyle border;
    PagerUse pager = PagerUse.ON;
    String nullDisplay = "";
    String pagerCommand = DEFAULT_PAGER;
    /** The screen width for \x auto and wide diffs; 0 when the output is not a terminal. */
    int width;

    DisplaySettings(BorderStyle border) {
        this.border = border;
    }

    /**
     * Takes the options of another printer (those of the start-up file, for the REPL); not the
     * width nor the line style, which belong to the terminal.
     */
    public void copyFrom(DisplaySettings other) {
        format = other.format;
        expanded = other.expanded;
        timing = other.timing;
        pager = pagerCommand == null ? PagerUse.OFF : other.pager;
        nullDisplay = other.nullDisplay;
    }

    public OutputFormat format() {
        return format;
    }

    public Expanded expanded() {
        return expanded;
    }

    public boolean timing() {
        return timing;
    }

    public BorderStyle border() {
        return border;
    }

    public PagerUse pager() {
        return pager;
    }

    public String nullDisplay() {
        return nullDisplay;
    }

    public String pagerCommand() {
        return pagerCommand;
    }

    public int width() {
        return width;
    }

    static boolean onOff(String value, boolean current, String what) {
        if (value == null) {
            return !current;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("unrecognized value \"" + value + "\" for \"" + what
                + "\": use on or off");
        };
    }
}
