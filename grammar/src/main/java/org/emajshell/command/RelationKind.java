package org.emajshell.command;

/** What a relation command works on: tables or sequences. */
public enum RelationKind {
    TABLE,
    SEQUENCE
}
