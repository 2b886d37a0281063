package org.emajshell.command;

/**
 * {@code MOVE TABLE[S] | SEQUENCE[S] selection TO GROUP g [MARK 'm']} (emaj_move_table[s] /
 * emaj_move_sequence[s]); {@code group} is the new group, always given.
 */
public record MoveRelations(RelationKind kind, RelationSelection selection, String group, String mark)
        implements Command {
    public MoveRelations {
        Check.notNull(kind, "kind");
        Check.notNull(selection, "selection");
        Check.required(group, "group name");
        Check.optional(mark, "mark name");
    }
}
