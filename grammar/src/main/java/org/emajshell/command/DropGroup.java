package org.emajshell.command;

/** {@code DROP GROUP g [FORCE]} (emaj_drop_group / emaj_force_drop_group). */
public record DropGroup(String group, boolean force) implements Command {
    public DropGroup {
        Check.required(group, "group name");
    }
}
