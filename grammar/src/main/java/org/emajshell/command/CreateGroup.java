package org.emajshell.command;

/** {@code CREATE GROUP g [ROLLBACKABLE | AUDIT_ONLY] [COMMENT 'text']} (emaj_create_group). */
public record CreateGroup(String group, boolean rollbackable, String comment) implements Command {
    public CreateGroup {
        Check.required(group, "group name");
    }
}
