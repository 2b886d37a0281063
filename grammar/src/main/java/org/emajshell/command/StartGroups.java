package org.emajshell.command;

import java.util.List;

/**
 * {@code START GROUP[S] g[, ...] [MARK 'm'] [KEEP LOG]} (emaj_start_group[s]).
 *
 * @param mark    the start mark, null for E-Maj's default ('START_%')
 * @param keepLog keep the existing logs and marks (E-Maj's p_resetLog = false)
 */
public record StartGroups(List<String> groups, String mark, boolean keepLog) implements Command {
    public StartGroups {
        groups = Check.groups(groups);
        Check.optional(mark, "mark name");
    }
}
