package org.emajshell.command;

import java.util.List;

/** Which tables or sequences a relation command works on. */
public sealed interface RelationSelection permits RelationSelection.Listed, RelationSelection.InSchema {

    /** Relations named one by one ({@code ASSIGN TABLES s.a, s.b}); never empty. */
    record Listed(List<QualifiedName> names) implements RelationSelection {
        public Listed {
            Check.notNull(names, "names");
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("at least one relation must be named");
            }
        }
    }

    /**
     * The relations of one schema selected by POSIX regular expressions
     * ({@code IN SCHEMA s [MATCHING 're'] [EXCLUDING 're']}); {@code matching} null means all of them,
     * {@code excluding} null excludes nothing.
     */
    record InSchema(String schema, String matching, String excluding) implements RelationSelection {
        public InSchema {
            Check.required(schema, "schema name");
        }
    }
}
