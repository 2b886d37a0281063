package org.emajshell.command;

/**
 * {@code SHOW CHANGES [OF GROUP g] [ON TABLE s.t] SINCE m1 [UNTIL m2] [CONSOLIDATED [PARTIAL | FULL]]
 * [WHERE predicate] [LIMIT n]}: the logged row changes as diffs.
 *
 * @param group         null for the current group
 * @param table         null for every table of the group
 * @param until         null for the current state
 * @param consolidation NONE without CONSOLIDATED; CONSOLIDATED alone means FULL
 * @param where         the SQL predicate as written (on the log rows), null for none
 * @param limit         the maximum number of changes shown, null for no limit
 */
public record ShowChanges(String group, QualifiedName table, String since, String until,
                          Consolidation consolidation, String where, Long limit) implements Command {
    public ShowChanges {
        Check.optional(group, "group name");
        Check.required(since, "mark name");
        Check.optional(until, "mark name");
        Check.notNull(consolidation, "consolidation");
        Check.optional(where, "predicate");
        Check.notNegative(limit, "LIMIT");
    }
}
