package org.emajshell.script;

import org.emajshell.emaj.EmajError;

/** An error from the server as the user sees it: message, detail, hint, SQLSTATE. */
final class ErrorText {

    private ErrorText() {
    }

    static String of(EmajError e) {
        StringBuilder sb = new StringBuilder("ERROR: ").append(e.getMessage());
        if (e.sqlState() != null) {
            sb.append("  (SQLSTATE ").append(e.sqlState()).append(')');
        }
        if (e.detail() != null) {
            sb.append("\n  DETAIL: ").append(e.detail());
        }
        if (e.hint() != null) {
            sb.append("\n  HINT: ").append(e.hint());
        }
        return sb.toString();
    }
}
