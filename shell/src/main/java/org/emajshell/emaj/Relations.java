package org.emajshell.emaj;

import java.util.ArrayList;
import java.util.List;

/**
 * Which tables or sequences of one schema an assign / remove / move / modify call works on:
 * a list of names, or include and exclude regexps (the two overloads of each E-Maj function).
 */
public record Relations(Kind kind, String schema, List<String> names, String include, String exclude) {

    /** The plural word E-Maj uses in its function names. */
    public enum Kind {
        TABLES("tables"), SEQUENCES("sequences");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    public Relations {
        names = names == null ? null : List.copyOf(names);
    }

    public static Relations listed(Kind kind, String schema, List<String> names) {
        return new Relations(kind, schema, names, null, null);
    }

    public static Relations matching(Kind kind, String schema, String include, String exclude) {
        return new Relations(kind, schema, null, include, exclude);
    }

    boolean isListed() {
        return names != null;
    }

    /** The leading arguments: schema, then the name array or the two regexps. */
    List<Object> leadingArgs() {
        List<Object> args = new ArrayList<>();
        args.add(schema);
        if (isListed()) {
            args.add(new JdbcCalls.TextArray(names));
        } else {
            args.add(include);
            args.add(exclude);
        }
        return args;
    }

    String leadingPlaceholders() {
        return isListed() ? "?, ?" : "?, ?, ?";
    }
}
