package org.emajshell.emaj;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error reported by the server while running an E-Maj function or a statement: PostgreSQL's
 * SQLSTATE and message, with the internal-function prefix that E-Maj puts in front of its
 * messages ({@code _check_group_names: }) taken off.
 */
public final class EmajError extends Exception {

    private static final Pattern INTERNAL_PREFIX = Pattern.compile("^(?:ERROR:\\s*)?(?:_|emaj_)[a-z0-9_]+(?: \\(\\d+\\))?: ");
    private static final String UNDEFINED_FUNCTION = "42883";

    private final String sqlState;
    private final String detail;
    private final String hint;

    public EmajError(String sqlState, String message, String detail, String hint, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.detail = detail;
        this.hint = hint;
    }

    /** Wraps a driver exception, keeping SQLSTATE, message, detail and hint. */
    public static EmajError of(SQLException e) {
        String message = e.getMessage();
        String detail = null;
        String hint = null;
        if (e instanceof org.postgresql.util.PSQLException pe && pe.getServerErrorMessage() != null) {
            message = pe.getServerErrorMessage().getMessage();
            detail = pe.getServerErrorMessage().getDetail();
            hint = pe.getServerErrorMessage().getHint();
        }
        return new EmajError(e.getSQLState(), stripPrefix(message), detail, hint, e);
    }

    /** An error for a call of an E-Maj function that the installed emaj does not have. */
    public static EmajError unsupported(String function, String installedVersion, SQLException cause) {
        return new EmajError(UNDEFINED_FUNCTION,
            "emaj." + function + "() is not supported by the installed emaj"
                + (installedVersion == null ? "" : " (version " + installedVersion + ")"),
            null, "This command needs a newer emaj extension.", cause);
    }

    static boolean isUndefinedFunction(SQLException e, String function) {
        return UNDEFINED_FUNCTION.equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains(function);
    }

    static String stripPrefix(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = INTERNAL_PREFIX.matcher(message);
        return m.find() ? message.substring(m.end()) : message;
    }

    /** The same error with a hint of the shell's when the server gave none. */
    public EmajError withHint(String shellHint) {
        if (shellHint == null || hint != null) {
            return this;
        }
        return new EmajError(sqlState, getMessage(), detail, shellHint, getCause());
    }

    public String sqlState() {
        return sqlState;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    /** Whether the server connection is gone (SQLSTATE class 08). */
    public boolean isConnectionLost() {
        return sqlState != null && sqlState.startsWith("08");
    }
}
