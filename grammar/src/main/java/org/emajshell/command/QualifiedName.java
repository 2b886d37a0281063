package org.emajshell.command;

/**
 * A table or sequence name as written: {@code schema.name} or {@code name} ({@code schema} null:
 * the executor resolves it through the search_path). Both parts are already folded / unquoted.
 */
public record QualifiedName(String schema, String name) {

    public QualifiedName {
        Check.optional(schema, "schema name");
        Check.required(name, "relation name");
    }

    /** An unqualified name. */
    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /** The name as a user would read it, {@code schema.name} (no quoting). */
    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
