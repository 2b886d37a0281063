package org.emajshell.command;

/**
 * {@code INSTALL EMAJ}: install the bundled emaj extension as a plain script, for databases where
 * extension files cannot be added (managed services).
 */
public record InstallEmaj() implements Command {
}
