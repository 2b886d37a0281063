package org.emajshell.command;

import java.util.Map;

/**
 * {@code MODIFY TABLE[S] selection SET (prop = value, ...) [MARK 'm']} (emaj_modify_table[s]).
 * Tables only: sequences have no properties. A null value resets the property to its default.
 *
 * @param properties the properties to change, in the order written; never empty
 */
public record ModifyRelations(RelationSelection selection, Map<String, Object> properties, String mark)
        implements Command {
    public ModifyRelations {
        Check.notNull(selection, "selection");
        properties = Check.properties(properties);
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("at least one property must be set");
        }
        Check.optional(mark, "mark name");
    }
}
