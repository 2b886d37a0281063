package org.emajshell.emaj;

import java.time.OffsetDateTime;

/** One row of emaj_hist, the trace of E-Maj operations. */
public record HistoryEntry(long id, OffsetDateTime time, String function, String event, String object,
                           String wording, String user) {
}
