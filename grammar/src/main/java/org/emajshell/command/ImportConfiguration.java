package org.emajshell.command;

import java.util.List;

/**
 * {@code IMPORT CONFIGURATION FROM 'file.json' [GROUPS g1, ...] [REPLACE]}
 * (emaj_import_groups_configuration).
 *
 * @param groups  the groups of the file to import; empty means all the groups of the file
 * @param replace existing groups are changed to match the file, even when logging
 *                (E-Maj's p_allowGroupsUpdate)
 */
public record ImportConfiguration(String file, List<String> groups, boolean replace) implements Command {
    public ImportConfiguration {
        Check.required(file, "file name");
        groups = Check.groups(groups);
    }
}
