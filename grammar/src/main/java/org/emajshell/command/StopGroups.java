package org.emajshell.command;

import java.util.List;

/**
 * {@code STOP GROUP[S] g[, ...] [MARK 'm'] [FORCE]} (emaj_stop_group[s] / emaj_force_stop_group).
 *
 * @param mark  the stop mark, null for E-Maj's default ('STOP_%')
 * @param force stop a damaged group (emaj_force_stop_group: no mark is set)
 */
public record StopGroups(List<String> groups, String mark, boolean force) implements Command {
    public StopGroups {
        groups = Check.groups(groups);
        Check.optional(mark, "mark name");
    }
}
