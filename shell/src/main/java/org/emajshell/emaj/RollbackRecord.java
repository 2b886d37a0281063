package org.emajshell.emaj;

import java.time.OffsetDateTime;
import java.util.List;

/** A past or running rollback (emaj_rlbk, plus progress from emaj_rollback_activity when running). */
public record RollbackRecord(int id, List<String> groups, String mark, boolean logged, String status,
                             OffsetDateTime start, OffsetDateTime end, Integer tablesDone, Integer tables,
                             Integer completionPct, String remaining, String comment) {
    public RollbackRecord {
        groups = List.copyOf(groups);
    }
}
