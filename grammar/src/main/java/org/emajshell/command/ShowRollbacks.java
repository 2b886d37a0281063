package org.emajshell.command;

/** {@code SHOW ROLLBACKS [RUNNING]} (emaj_rollback_activity for the running ones). */
public record ShowRollbacks(boolean running) implements Command {
}
