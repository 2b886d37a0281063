package org.emajshell.exec;

import org.emajshell.command.QualifiedName;
import org.emajshell.command.ShowChanges;
import org.emajshell.emaj.ChangeReader;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.TableChanges;
import org.emajshell.render.ChangeStream;
import org.emajshell.render.ChangedTable;
import org.emajshell.render.Column;
import org.emajshell.render.RowChange;
import org.emajshell.render.RowStream;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SHOW CHANGES: the rows changed between two marks, as diffs, table by table. The changes stream
 * from the log tables while they are printed (see {@link ChangeReader}); only tables whose log
 * statistics show changes in the range are read.
 */
final class ChangeCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Session session;

    ChangeCommands(Session session) {
        this.session = session;
    }

    Result show(ShowChanges c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        if (!session.emaj().groupExists(group)) {
            throw new CommandError("the group \"" + group + "\" does not exist", "SHOW GROUPS lists the groups");
        }
        ChangeReader.Mode mode = switch (c.consolidation()) {
            case NONE -> ChangeReader.Mode.ALL;
            case PARTIAL -> ChangeReader.Mode.PARTIAL;
            case FULL -> ChangeReader.Mode.FULL;
        };
        return diffs(group, c.since(), c.until(), mode, c.table(), c.where(), c.limit(), false);
    }

    /**
     * ROLLBACK ... PREVIEW VERBOSE: the rows a rollback of the group to the mark would change, as
     * diffs from now back to the mark: the net change of each key since the mark (consolidated
     * FULL), turned around. Rows inserted since the mark show as deleted, and so on.
     */
    Result undo(String group, String mark) throws EmajError, CommandError {
        return diffs(group, mark, null, ChangeReader.Mode.FULL, null, null, null, true);
    }

    private Result diffs(String group, String since, String until, ChangeReader.Mode mode, QualifiedName only,
                         String whereClause, Long limit, boolean reversed) throws EmajError, CommandError {
        ChangeReader reader = new ChangeReader(session.connection());
        ChangeReader.Range range = reader.range(group, since, until);
        // Log statistics never under-count: tables without recorded changes need no log scan.
        Set<String> changed = session.emaj().logStat(List.of(group), range.since(), range.until()).stream()
            .filter(t -> t.rows() > 0).map(TableChanges::qualifiedName).collect(Collectors.toSet());
        List<ChangeReader.LogTable> tables = reader.tables(group, only == null ? null : only.schema(),
            only == null ? null : only.name());
        if (only != null && tables.isEmpty()) {
            throw new CommandError("the table " + only + " is not in the group \"" + group + "\"",
                "SHOW TABLES OF GROUP " + group + " lists its tables");
        }
        if (only != null && tables.size() > 1) {
            throw new CommandError("the group \"" + group + "\" has several tables named " + only.name(),
                "name the schema too: ON TABLE schema." + only.name());
        }
        List<ChangeReader.LogTable> toRead = tables.stream().filter(t -> changed.contains(t.qualifiedName())).toList();
        return new Result.Streamed(printer -> {
            reader.begin();
            try {
                printer.changes(new Diffs(reader, toRead, range, mode, whereClause, limit, reversed));
            } catch (RowStream.ReadFailure f) {
                if (f.getCause() instanceof EmajError e) {
                    throw e;
                }
                throw f;
            } finally {
                reader.end();
            }
            return new Result.Nothing();
        });
    }

    /** The changes of the tables, one after the other, as the diff printer pulls them. */
    private static final class Diffs implements ChangeStream {
        private final ChangeReader reader;
        private final List<ChangeReader.LogTable> tables;
        private final ChangeReader.Range range;
        private final ChangeReader.Mode mode;
        private final String where;
        private final Long limit;
        private final boolean reversed;
        private int nextTable;
        private ChangeReader.Changes current;
        private long given;
        private boolean limitReached;

        Diffs(ChangeReader reader, List<ChangeReader.LogTable> tables, ChangeReader.Range range,
              ChangeReader.Mode mode, String where, Long limit, boolean reversed) {
            this.reader = reader;
            this.reversed = reversed;
            this.tables = tables;
            this.range = range;
            this.mode = mode;
            this.where = where;
            this.limit = limit;
        }

        @Override
        public ChangedTable nextTable() {
            current = null;
            try {
                while (nextTable < tables.size() && !limitReached) {
                    ChangeReader.LogTable t = tables.get(nextTable++);
                    Map<ChangeReader.Kind, Long> counts = reader.counts(t, range, mode, where);
                    if (counts.values().stream().mapToLong(Long::longValue).sum() == 0) {
                        continue;
                    }
                    current = reader.changes(t, range, mode, where, limit == null ? null : limit - given);
                    return new ChangedTable(t.qualifiedName(), columns(t), t.key(), ordered(counts, reversed));
                }
                return null;
            } catch (EmajError e) {
                throw new RowStream.ReadFailure(e);
            }
        }

        @Override
        public RowChange nextChange() {
            if (current == null || limitReached) {
                return null;
            }
            try {
                ChangeReader.Change c = current.next();
                if (c == null) {
                    current = null;
                    return null;
                }
                given++;
                if (limit != null && given >= limit) {
                    limitReached = true;
                }
                return reversed ? reverse(change(c)) : change(c);
            } catch (EmajError e) {
                throw new RowStream.ReadFailure(e);
            }
        }

        @Override
        public String summary(long shown, int tableCount) {
            String where = "since '" + range.since() + "', " + TIME.format(range.sinceTime())
                + (range.until() == null ? "" : ", until '" + range.until() + "', " + TIME.format(range.untilTime()));
            String what = shown == 0 ? "no change" : Plural.of(shown, "change") + " in " + Plural.of(tableCount, "table");
            if (reversed) {
                return "(" + (shown == 0 ? "nothing" : what) + " to undo to go back to '" + range.since() + "', "
                    + TIME.format(range.sinceTime()) + ")";
            }
            return "(" + what + " " + where + (limitReached ? "; LIMIT " + limit + " reached" : "") + ")";
        }

        private static List<Column> columns(ChangeReader.LogTable t) {
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                columns.add(new Column(t.columns().get(i), t.numeric().get(i)));
            }
            return columns;
        }

        private static Map<RowChange.Kind, Long> ordered(Map<ChangeReader.Kind, Long> counts, boolean reversed) {
            Map<RowChange.Kind, Long> byKind = new EnumMap<>(RowChange.Kind.class);
            counts.forEach((k, n) -> {
                RowChange.Kind kind = RowChange.Kind.valueOf(k.name());
                byKind.merge(reversed ? opposite(kind) : kind, n, Long::sum);
            });
            Map<RowChange.Kind, Long> out = new LinkedHashMap<>();
            for (RowChange.Kind k : List.of(RowChange.Kind.UPDATE, RowChange.Kind.INSERT, RowChange.Kind.DELETE,
                RowChange.Kind.TRUNCATE, RowChange.Kind.UNCHANGED, RowChange.Kind.TRANSIENT)) {
                Long n = byKind.get(k);
                if (n != null && n > 0) {
                    out.put(k, n);
                }
            }
            return out;
        }

        /** What undoing a change does: an insert is undone by a delete, and so on. */
        private static RowChange.Kind opposite(RowChange.Kind kind) {
            return switch (kind) {
                case INSERT -> RowChange.Kind.DELETE;
                case DELETE, TRUNCATE -> RowChange.Kind.INSERT;
                default -> kind;
            };
        }

        private static RowChange reverse(RowChange change) {
            return new RowChange(opposite(change.kind()), change.after(), change.before());
        }

        private static RowChange change(ChangeReader.Change c) {
            RowChange.Kind kind = RowChange.Kind.valueOf(c.kind().name());
            if (kind == RowChange.Kind.UPDATE && (c.before() == null || c.after() == null)) {
                kind = c.before() == null ? RowChange.Kind.INSERT : RowChange.Kind.DELETE;
            }
            return new RowChange(kind, c.before(), c.after());
        }
    }
}
