package org.emajshell.script;

import java.util.Locale;

/** The variables with a meaning for the shell (set with \set, -v or the configuration file). */
public final class Variables {

    /** Whether an error stops a script (exit code 3): on by default in scripts, as psql's ON_ERROR_STOP. */
    public static final String ON_ERROR_STOP = "ON_ERROR_STOP";

    /** Whether destructive commands ask for confirmation in the REPL (off = --yes). */
    public static final String CONFIRM = "CONFIRM";

    /** Colors: auto (a terminal without NO_COLOR, the default), on or off; see ColorMode. */
    public static final String COLOR = org.emajshell.render.ColorMode.VARIABLE;

    private Variables() {
    }

    /** psql's boolean spellings: on/off, true/false, yes/no, 1/0 (any case); anything else is on. */
    public static boolean isOn(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "off", "false", "no", "0" -> false;
            default -> true;
        };
    }
}
