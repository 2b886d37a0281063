package org.emajshell.render;

import java.util.Objects;

/** A result column: its heading and whether its values align right (numbers). */
public record Column(String name, boolean alignRight) {
    public Column {
        Objects.requireNonNull(name, "name");
    }

    public static Column left(String name) {
        return new Column(name, false);
    }

    public static Column right(String name) {
        return new Column(name, true);
    }
}
