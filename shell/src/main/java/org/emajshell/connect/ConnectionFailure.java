package org.emajshell.connect;

/**
 * A connection that could not be made: either the settings are wrong (bad option, unknown service:
 * psql's exit code 1) or the server could not be reached or refused us (exit code 2). The message
 * never holds a password.
 */
public final class ConnectionFailure extends Exception {

    /** What went wrong, for the exit code. */
    public enum Kind { SETTINGS, SERVER }

    private final Kind kind;
    private final String hint;

    public ConnectionFailure(Kind kind, String message, String hint) {
        super(message);
        this.kind = kind;
        this.hint = hint;
    }

    public Kind kind() {
        return kind;
    }

    /** What to do next, or null. */
    public String hint() {
        return hint;
    }
}
