package org.emajshell.command;

/**
 * {@code CONSOLIDATE ROLLBACK [GROUP g] TO [MARK] m} (emaj_consolidate_rollback_group): m is the
 * end mark of a logged rollback; group null = current group.
 */
public record ConsolidateRollback(String group, String mark) implements Command {
    public ConsolidateRollback {
        Check.optional(group, "group name");
        Check.required(mark, "mark name");
    }
}
