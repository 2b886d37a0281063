package org.emajshell.emaj;

/** One row returned by a rollback function: Notice or Warning, and its text. */
public record RollbackMessage(String severity, String message) {
}
