package org.emajshell.command;

/** How SHOW CHANGES consolidates the rows of a table (E-Maj's CONSOLIDATION dump option). */
public enum Consolidation {
    /** Every logged change, in order. */
    NONE,
    /** One OLD and/or NEW row per primary key. */
    PARTIAL,
    /** Like PARTIAL, and rows whose start and end states are identical are left out. */
    FULL
}
