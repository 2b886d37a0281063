package org.emajshell.command;

/** {@code USE [GROUP] g}: make g the current group. */
public record UseGroup(String group) implements Command {
    public UseGroup {
        Check.required(group, "group name");
    }
}
