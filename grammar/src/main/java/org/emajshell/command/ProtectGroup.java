package org.emajshell.command;

/** {@code PROTECT GROUP g} (emaj_protect_group): forbid rollbacks of the group. */
public record ProtectGroup(String group) implements Command {
    public ProtectGroup {
        Check.required(group, "group name");
    }
}
