package org.emajshell.script;

/** psql's exit codes, which scripts and CI jobs already test for. */
public enum ExitCode {
    OK(0),
    FATAL(1),
    CONNECTION_LOST(2),
    SCRIPT_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
