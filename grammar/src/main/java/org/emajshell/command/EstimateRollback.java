package org.emajshell.command;

import java.util.List;

/**
 * {@code ESTIMATE ROLLBACK [GROUP[S] g[, ...]] TO [MARK] m [LOGGED]} (emaj_estimate_rollback_group[s]).
 */
public record EstimateRollback(List<String> groups, String mark, boolean logged) implements Command {
    public EstimateRollback {
        groups = Check.groups(groups);
        Check.required(mark, "mark name");
    }
}
