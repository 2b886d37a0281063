package org.emajshell.command.help;

import java.util.List;
import java.util.Objects;

import org.emajshell.command.Command;

/**
 * The help of one command or meta-command.
 *
 * @param name        the topic, as users type it after HELP: "ROLLBACK", "SHOW CHANGES", "\set"
 * @param category    the section it belongs to
 * @param summary     one line: what it does
 * @param synopsis    the syntax, one form per line ([optional], a | b, ... for repetition)
 * @param description one paragraph
 * @param example     one or more example lines, as typed
 * @param commandType the record the parser builds for it
 * @param aliases     other topics that lead here (e.g. "START GROUPS")
 */
public record HelpEntry(String name, HelpCategory category, String summary, String synopsis, String description,
                        String example, Class<? extends Command> commandType, List<String> aliases) {

    public HelpEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(synopsis, "synopsis");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(commandType, "commandType");
        aliases = List.copyOf(aliases);
        synopsis = synopsis.strip();
        description = description.strip().replaceAll("\\s*\\n\\s*", " ");
        example = example.strip();
    }

    /** The entry as plain text for HELP and \h: name and summary, synopsis, description, example. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(name).append(" — ").append(summary).append("\n\n");
        for (String line : synopsis.split("\n")) {
            b.append("  ").append(line).append('\n');
        }
        b.append('\n').append(wrap(description, 96)).append("\n\nExample:\n");
        for (String line : example.split("\n")) {
            b.append("  ").append(line).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** Wraps a paragraph at {@code width} columns. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }
}
