package org.emajshell.command;

/** {@code SNAP [GROUP g] TO 'dir'} (emaj_snap_group); group null = current group. */
public record SnapGroup(String group, String directory) implements Command {
    public SnapGroup {
        Check.optional(group, "group name");
        Check.required(directory, "directory");
    }
}
