package org.emajshell.emaj;

/** Increments of one sequence between two marks (emaj_sequence_stat_group). */
public record SequenceChanges(String group, String schema, String sequence, long increments, boolean structureChanged) {

    public String qualifiedName() {
        return schema + "." + sequence;
    }
}
