package org.emajshell.render;

import java.io.PrintWriter;

/**
 * One output format. A command's results arrive between {@link #beginCommand} and
 * {@link #endCommand}, so that formats such as JSON can wrap them in one object per command;
 * text formats ignore the two calls.
 */
public interface ResultFormat {

    /** {@code command} names the command for machine formats: "SHOW GROUPS", "ROLLBACK", "SQL". */
    default void beginCommand(String command, PrintWriter out) {
    }

    void table(Table table, PrintWriter out);

    default void message(String text, PrintWriter out) {
        if (!text.isEmpty()) {
            out.println(text);
        }
    }

    default void endCommand(PrintWriter out) {
    }
}
