package org.emajshell.emaj;

/** Exact change count for one table, role and verb between two marks (emaj_detailed_log_stat_group). */
public record DetailedChanges(String group, String schema, String table, String role, String verb, long rows) {

    public String qualifiedName() {
        return schema + "." + table;
    }
}
