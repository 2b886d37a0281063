package org.emajshell.command;

import java.util.Map;

/**
 * {@code ASSIGN TABLE[S] | SEQUENCE[S] selection [TO GROUP g] [WITH (prop = value, ...)] [MARK 'm']}
 * (emaj_assign_table[s] / emaj_assign_sequence[s]).
 *
 * @param group      the target group, null for the current group
 * @param properties table properties in the order written (values String, Long, Boolean,
 *                   List of String, or null); empty without WITH, always empty for sequences
 * @param mark       the mark set when the group is logging, null for E-Maj's default
 */
public record AssignRelations(RelationKind kind, RelationSelection selection, String group,
                              Map<String, Object> properties, String mark) implements Command {
    public AssignRelations {
        Check.notNull(kind, "kind");
        Check.notNull(selection, "selection");
        Check.optional(group, "group name");
        properties = Check.properties(properties);
        Check.optional(mark, "mark name");
        if (kind == RelationKind.SEQUENCE && !properties.isEmpty()) {
            throw new IllegalArgumentException("sequences have no properties");
        }
    }
}
