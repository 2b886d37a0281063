package org.emajshell.command;

import java.util.List;

/**
 * {@code MARK [GROUP[S] g[, ...]] 'name' [COMMENT 'text']} (emaj_set_mark_group[s]); the name may
 * hold E-Maj's {@code %} time stamp placeholder.
 */
public record SetMark(List<String> groups, String mark, String comment) implements Command {
    public SetMark {
        groups = Check.groups(groups);
        Check.required(mark, "mark name");
    }
}
