package org.emajshell.render;

import java.util.Locale;

/**
 * The COLOR variable: {@code auto} colors where the output is an interactive terminal without
 * NO_COLOR, {@code on} always (a pager or a log viewer that shows ANSI colors), {@code off} never.
 */
public enum ColorMode {
    AUTO, ON, OFF;

    /** The variable's name (exec checks the values \set gives it, and cannot see script's Variables). */
    public static final String VARIABLE = "COLOR";

    /**
     * Reads a value: auto, or one of psql's boolean spellings (on/off, true/false, yes/no, 1/0).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ColorMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "on", "true", "yes", "1" -> ON;
            case "off", "false", "no", "0" -> OFF;
            default -> throw new IllegalArgumentException("unrecognized value \"" + value + "\" for \"COLOR\": on, off or auto");
        };
    }

    /** The mode a variable's value asks for; unset or unreadable (-v COLOR=x bypasses \set's check) is auto. */
    public static ColorMode of(String value) {
        if (value == null) {
            return AUTO;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            return AUTO;
        }
    }

    /** Whether to color, given what auto means where the output goes. */
    public boolean colors(boolean auto) {
        return switch (this) {
            case AUTO -> auto;
            case ON -> true;
            case OFF -> false;
        };
    }
}
