package org.emajshell.emaj;

/** Number of row changes recorded for one table between two marks (emaj_log_stat_group). */
public record TableChanges(String group, String schema, String table, long rows) {

    public String qualifiedName() {
        return schema + "." + table;
    }
}
