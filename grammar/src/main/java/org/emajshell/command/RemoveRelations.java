package org.emajshell.command;

/**
 * {@code REMOVE TABLE[S] | SEQUENCE[S] selection [MARK 'm']} (emaj_remove_table[s] /
 * emaj_remove_sequence[s]); the relations leave whatever group they are in.
 */
public record RemoveRelations(RelationKind kind, RelationSelection selection, String mark) implements Command {
    public RemoveRelations {
        Check.notNull(kind, "kind");
        Check.notNull(selection, "selection");
        Check.optional(mark, "mark name");
    }
}
