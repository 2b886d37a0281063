package org.emajshell.emaj;

/** A table or sequence currently assigned to a group (emaj_relation). */
public record RelationInfo(String schema, String name, String kind, Integer priority, String logSchema, String logTable) {

    public String qualifiedName() {
        return schema + "." + name;
    }

    public boolean isTable() {
        return "r".equals(kind);
    }
}
