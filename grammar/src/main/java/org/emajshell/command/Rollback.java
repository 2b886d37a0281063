package org.emajshell.command;

import java.util.List;

/**
 * {@code ROLLBACK [GROUP[S] g[, ...]] TO [MARK] m [LOGGED] [ALLOW ALTER] [COMMENT 'text']
 * [PARALLEL n] [PREVIEW [VERBOSE]]} (emaj_rollback_group[s] / emaj_logged_rollback_group[s]).
 *
 * @param groups     the groups, empty for the current group
 * @param logged     a logged rollback (itself recorded, so it can be rolled back)
 * @param allowAlter allow a rollback over group structure changes (p_isAlterGroupAllowed)
 * @param parallel   the number of parallel sessions (emajParallelRollback style), null for one
 * @param preview    show what would change and change nothing
 * @param verbose    with preview: show the rows too
 */
public record Rollback(List<String> groups, String mark, boolean logged, boolean allowAlter, String comment,
                       Integer parallel, boolean preview, boolean verbose) implements Command {
    public Rollback {
        groups = Check.groups(groups);
        Check.required(mark, "mark name");
        Check.positive(parallel, "PARALLEL");
        if (verbose && !preview) {
            throw new IllegalArgumentException("VERBOSE needs PREVIEW");
        }
    }
}
