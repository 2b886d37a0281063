package org.emajshell.emaj;

import java.time.OffsetDateTime;

/** One mark of a group, oldest first, with the number of changes recorded up to the next one. */
public record MarkInfo(
    String group,
    String name,
    OffsetDateTime time,
    boolean protectedAgainstRollback,
    Long changesUntilNext,
    String comment) {
}
