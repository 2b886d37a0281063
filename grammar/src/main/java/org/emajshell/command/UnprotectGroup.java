package org.emajshell.command;

/** {@code UNPROTECT GROUP g} (emaj_unprotect_group). */
public record UnprotectGroup(String group) implements Command {
    public UnprotectGroup {
        Check.required(group, "group name");
    }
}
