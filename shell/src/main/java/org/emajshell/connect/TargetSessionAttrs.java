package org.emajshell.connect;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * libpq's target_session_attrs: which of several hosts will do. The JDBC driver's
 * targetServerType asks the same question its own way: it tells a primary from a standby by
 * {@code transaction_read_only}, so libpq's read-write and primary both become its "primary"
 * (a primary whose sessions are read-only by default is then passed over), read-only and standby
 * its "secondary".
 */
enum TargetSessionAttrs {
    ANY("any", "any"),
    READ_WRITE("read-write", "primary"),
    READ_ONLY("read-only", "secondary"),
    PRIMARY("primary", "primary"),
    STANDBY("standby", "secondary"),
    PREFER_STANDBY("prefer-standby", "preferSecondary");

    private final String libpqName;
    private final String targetServerType;

    TargetSessionAttrs(String libpqName, String targetServerType) {
        this.libpqName = libpqName;
        this.targetServerType = targetServerType;
    }

    /** @throws IllegalArgumentException for a value libpq does not know either */
    static TargetSessionAttrs parse(String value) {
        for (TargetSessionAttrs t : values()) {
            if (t.libpqName.equals(value.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("invalid target_session_attrs value \"" + value + "\": one of "
            + Arrays.stream(values()).map(t -> t.libpqName).collect(Collectors.joining(", ")));
    }

    /** pgjdbc's targetServerType property. */
    String targetServerType() {
        return targetServerType;
    }
}
