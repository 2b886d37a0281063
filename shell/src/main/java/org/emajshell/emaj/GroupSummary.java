package org.emajshell.emaj;

/** One table group as SHOW GROUPS lists it. */
public record GroupSummary(
    String name,
    boolean rollbackable,
    boolean logging,
    boolean protectedAgainstRollback,
    int tables,
    int sequences,
    int marks,
    Long changesSinceLastMark,
    String comment) {

    public String type() {
        return rollbackable ? "ROLLBACKABLE" : "AUDIT_ONLY";
    }

    public String state() {
        return logging ? "LOGGING" : "IDLE";
    }
}
