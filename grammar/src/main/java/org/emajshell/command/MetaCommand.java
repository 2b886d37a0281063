package org.emajshell.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A backslash meta-command (psql habit): {@code \q}, {@code \set name value}, ...
 *
 * @param name the canonical name without the backslash, lower case, aliases resolved
 *             ({@code \quit} gives {@code "q"}); one of {@link #NAMES}
 * @param args the arguments split psql-style: whitespace separates them, 'single quotes' and
 *             "double quotes" group (the quotes are removed; '' and backslash escapes in single
 *             quotes, "" in double quotes), adjacent pieces join into one argument
 */
public record MetaCommand(String name, List<String> args) implements Command {

    /** The meta-commands of the language, by canonical name. */
    public static final Set<String> NAMES = Set.of(
            "q", "c", "conninfo", "i", "ir", "o", "set", "unset", "echo", "timing", "x", "pset", "?", "h", "watch");

    /** Long spellings accepted for some of them, as in psql. */
    public static final Map<String, String> ALIASES = Map.of(
            "quit", "q", "connect", "c", "include", "i", "include_relative", "ir", "out", "o", "help", "h");

    public MetaCommand {
        Objects.requireNonNull(name, "name must not be null");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown meta-command \\" + name);
        }
        args = List.copyOf(Objects.requireNonNull(args, "args must not be null"));
    }

    public MetaCommand(String name, String... args) {
        this(name, List.of(args));
    }

    /** The canonical name for what was typed after the backslash, or null if there is none. */
    public static String canonicalName(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        if (NAMES.contains(lower)) {
            return lower;
        }
        return ALIASES.get(lower);
    }
}
