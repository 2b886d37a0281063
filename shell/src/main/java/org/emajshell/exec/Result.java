package org.emajshell.exec;

import org.emajshell.render.Table;

import java.nio.file.Path;
import java.util.List;

/** What running one command produced, for the render layer and the script runner. */
public sealed interface Result {

    /** A table of rows. */
    record Rows(Table table) implements Result {
    }

    /** Informational text, one or more lines. */
    record Message(String text) implements Result {
    }

    /** A warning the user should notice (E-Maj Warning rows, server WARNINGs). */
    record Warning(String text) implements Result {
    }

    /** Several results in order (a rollback's report and summary, for example). */
    record Sequence(List<Result> parts) implements Result {
        public Sequence {
            parts = List.copyOf(parts);
        }
    }

    /** Run the commands of another file next (\i and \ir). */
    record Include(Path file) implements Result {
    }

    /** The user asked to leave (\q). */
    record Quit() implements Result {
    }

    /** Nothing to show (the user declined a confirmation, an empty statement). */
    record Nothing() implements Result {
    }
}
