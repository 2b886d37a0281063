package org.emajshell.exec;

import org.emajshell.emaj.EmajError;
import org.emajshell.render.Printer;
import org.emajshell.render.Table;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What running one command produced, for the render layer and the script runner. */
public sealed interface Result {

    /** A table of rows. */
    record Rows(Table table) implements Result {
    }

    /**
     * Output that streams while it is printed (rows from a server-side cursor, diffs, a rollback
     * with its progress bar): the printer is handed over, and what the output returns when it is
     * done (a summary, say) is handled afterwards like any result.
     */
    record Streamed(Output output) implements Result {
        /** Prints as it goes; returns what remains to show. */
        @FunctionalInterface
        public interface Output {
            Result printTo(Printer printer) throws EmajError, CommandError;
        }
    }

    /** Informational text, one or more lines. */
    record Message(String text) implements Result {
    }

    /**
     * A status line with the facts behind it, for programs: text formats print the text, JSON
     * also writes each fact as a field of the command's object ({@code "rows": 1834}). Values
     * are strings, numbers, booleans, lists of strings or null; the order is kept.
     */
    record Outcome(String text, Map<String, Object> facts) implements Result {
        public Outcome {
            facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }
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
