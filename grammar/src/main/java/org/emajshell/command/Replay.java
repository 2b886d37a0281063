package org.emajshell.command;

/**
 * {@code REPLAY [GROUP g] SINCE m1 [UNTIL m2] ON 'conninfo' [STEP]}: apply the recorded changes to
 * another database, one transaction at a time.
 *
 * @param group    null for the current group
 * @param until    null for the current state
 * @param conninfo the target database, as a libpq connection string or URI
 * @param step     show each transaction and wait for next / continue / quit
 */
public record Replay(String group, String since, String until, String conninfo, boolean step) implements Command {
    public Replay {
        Check.optional(group, "group name");
        Check.required(since, "mark name");
        Check.optional(until, "mark name");
        Check.required(conninfo, "connection string");
    }
}
