package org.emajshell.repl;

import org.postgresql.core.TransactionState;

/**
 * psql-like prompts: {@code demo/shop=> }, with {@code *} inside a transaction and {@code !} in
 * a failed one, and {@code ->} on continuation lines.
 */
final class Prompt {

    private Prompt() {
    }

    static String primary(String database, String group, TransactionState tx) {
        return base(database, group) + "=" + marker(tx) + "> ";
    }

    static String continuation(String database, String group, TransactionState tx) {
        return base(database, group) + "-" + marker(tx) + "> ";
    }

    private static String base(String database, String group) {
        return group == null ? database : database + "/" + group;
    }

    private static String marker(TransactionState tx) {
        return switch (tx) {
            case OPEN -> "*";
            case FAILED -> "!";
            default -> "";
        };
    }
}
