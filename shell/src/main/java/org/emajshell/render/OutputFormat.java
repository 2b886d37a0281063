package org.emajshell.render;

import java.util.Locale;

/** How results are written: for people (aligned, expanded) or for programs (csv, json, markdown). */
public enum OutputFormat {
    ALIGNED, EXPANDED, CSV, JSON, MARKDOWN;

    /** Parses a format name as \pset format and --format take it ("aligned", "json", ...). */
    public static OutputFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format \"" + name + "\": use aligned, expanded, csv, json or markdown");
        }
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
