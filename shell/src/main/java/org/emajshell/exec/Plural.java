package org.emajshell.exec;

/** Counts in words: "1 table", "3 tables". */
final class Plural {

    private Plural() {
    }

    static String of(long count, String singular) {
        return count + " " + (count == 1 ? singular : singular + "s");
    }

    /** E-Maj functions count tables and sequences together. */
    static String relations(long count) {
        return count == 1 ? "1 table or sequence" : count + " tables and sequences";
    }
}
