package org.emajshell.render;

import java.io.PrintWriter;
import java.util.Map;

/**
 * One output format. A command's results arrive between {@link #beginCommand} and
 * {@link #endCommand}, so that formats such as JSON can wrap them in one object per command;
 * text formats ignore the two calls.
 */
public interface ResultFormat {

    /** {@code command} names the command for machine formats: "SHOW GROUPS", "ROLLBACK", "SQL". */
    default void beginCommand(String command, PrintWriter out) {
    }

    /** A whole table: written as rows that happen to be all there. */
    default void table(Table table, PrintWriter out) {
        rows(RowStream.of(table), out);
    }

    /**
     * Rows that stream from the server. Every format writes them as they come (the aligned one
     * holds a batch at a time to size its columns), so that no result is held whole.
     */
    void rows(RowStream rows, PrintWriter out);

    /**
     * Row changes (SHOW CHANGES) for programs. By default one row per changed value, which every
     * tabular format can write: table, change (insert, delete, update, ...), key, column, old, new.
     * The terminal formats draw colored diffs instead (see {@link DiffPrinter}).
     */
    default void changes(ChangeStream changes, PrintWriter out) {
        rows(ChangeStream.asRows(changes), out);
    }

    default void message(String text, PrintWriter out) {
        if (!text.isEmpty()) {
            out.println(text);
        }
    }

    /**
     * The facts behind the current command's status line (see exec's Result.Outcome): machine
     * formats record them, the others show only the line itself.
     */
    default void facts(Map<String, Object> facts, PrintWriter out) {
    }

    default void endCommand(PrintWriter out) {
    }

    /**
     * An error of the current command (or of a statement that did not parse, outside any
     * command). It is also written to the error stream; machine formats record it in their output.
     */
    default void error(String text, PrintWriter out) {
    }

    /**
     * The end of a document: the end of a script run, or of one REPL input. JSON closes its array
     * here; the next result starts a new document.
     */
    default void finish(PrintWriter out) {
    }
}
