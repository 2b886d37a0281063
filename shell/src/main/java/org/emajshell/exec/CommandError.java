package org.emajshell.exec;

/**
 * A mistake the shell detects itself before calling the server (no group selected, unknown
 * group in USE, ...), with what to do next.
 */
public final class CommandError extends Exception {

    private final String hint;

    public CommandError(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
