package org.emajshell.command;

import java.util.List;

/**
 * {@code EXPORT CONFIGURATION [GROUPS g1, ...] [TO 'file.json']} (emaj_export_groups_configuration).
 *
 * @param groups the groups to export; empty means <em>all</em> groups (not the current group)
 * @param file   where to write the JSON, null to print it
 */
public record ExportConfiguration(List<String> groups, String file) implements Command {
    public ExportConfiguration {
        groups = Check.groups(groups);
        Check.optional(file, "file name");
    }
}
