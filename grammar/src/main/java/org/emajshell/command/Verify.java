package org.emajshell.command;

/** {@code VERIFY} (emaj_verify_all). */
public record Verify() implements Command {
}
