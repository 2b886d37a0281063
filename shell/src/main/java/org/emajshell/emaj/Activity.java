package org.emajshell.emaj;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A snapshot of what the logging groups are recording (for SHOW ACTIVITY), read through
 * emaj_log_stat_group and emaj_sequence_stat_group since each group's last mark: no log scan.
 *
 * @param taken      the server's clock when the snapshot was read
 * @param groupCount how many groups exist (logging or not)
 * @param groups     the logging groups looked at
 */
public record Activity(OffsetDateTime taken, int groupCount, List<Group> groups) {

    public Activity {
        groups = List.copyOf(groups);
    }

    /** A logging group and its counters since its last mark. */
    public record Group(String name, String lastMark, OffsetDateTime markTime, List<Counter> tables,
                        List<Counter> sequences) {
        public Group {
            tables = List.copyOf(tables);
            sequences = List.copyOf(sequences);
        }

        public long changes() {
            return tables.stream().mapToLong(Counter::count).sum();
        }
    }

    /** Row changes of a table, or increments of a sequence, since the group's last mark. */
    public record Counter(String schema, String name, long count) {
        public String qualifiedName() {
            return schema + "." + name;
        }
    }
}
