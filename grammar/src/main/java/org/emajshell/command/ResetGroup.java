package org.emajshell.command;

/** {@code RESET GROUP g} (emaj_reset_group): purge the logs of an idle group. */
public record ResetGroup(String group) implements Command {
    public ResetGroup {
        Check.required(group, "group name");
    }
}
