package org.emajshell.command;

/** {@code SHOW GROUPS}: every group with its state and counts. */
public record ShowGroups() implements Command {
}
