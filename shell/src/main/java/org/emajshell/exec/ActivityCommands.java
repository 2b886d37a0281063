package org.emajshell.exec;

import org.emajshell.command.ShowActivity;
import org.emajshell.emaj.Activity;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.Monitoring;
import org.emajshell.render.Column;
import org.emajshell.render.Table;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SHOW ACTIVITY, like E-Maj's emajStat: per logging group, its busiest tables and its sequences,
 * the changes since the last mark and since the previous SHOW ACTIVITY of this session, with
 * rates. Repeat it with \watch to follow a workload.
 */
final class ActivityCommands {

    /** How many tables and sequences are listed, the busiest first. */
    static final int MAX_RELATIONS = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Session session;
    /** The previous snapshot's counters, by "group/kind/schema.name", with the mark they count from. */
    private Map<String, long[]> previous = Map.of();
    private Map<String, String> previousMarks = Map.of();
    private OffsetDateTime previousTime;

    ActivityCommands(Session session) {
        this.session = session;
    }

    Result show(ShowActivity c) throws EmajError, CommandError {
        String group = c.group() != null ? c.group() : session.currentGroup().orElse(null);
        if (group != null && !session.emaj().groupExists(group)) {
            throw new CommandError("the group \"" + group + "\" does not exist", "SHOW GROUPS lists the groups");
        }
        Activity activity = new Monitoring(session.connection()).activity(group);
        double sincePrevious = previousTime == null ? 0
            : Duration.between(previousTime, activity.taken()).toNanos() / 1e9;
        boolean hasPrevious = previousTime != null && sincePrevious > 0;

        Map<String, long[]> now = new HashMap<>();
        Map<String, String> marks = new HashMap<>();
        List<List<String>> groupRows = new ArrayList<>();
        List<Row> tableRows = new ArrayList<>();
        List<Row> sequenceRows = new ArrayList<>();
        long totalDelta = 0;
        int tables = 0;
        int sequences = 0;
        for (Activity.Group g : activity.groups()) {
            marks.put(g.name(), g.lastMark());
            double sinceMark = g.markTime() == null ? 0 : Duration.between(g.markTime(), activity.taken()).toNanos() / 1e9;
            boolean sameMark = hasPrevious && g.lastMark() != null && g.lastMark().equals(previousMarks.get(g.name()));
            long groupDelta = 0;
            for (Activity.Counter t : g.tables()) {
                String key = g.name() + "/t/" + t.qualifiedName();
                now.put(key, new long[] {t.count()});
                Long delta = delta(key, t.count(), hasPrevious, sameMark);
                groupDelta += delta == null ? 0 : delta;
                tableRows.add(new Row(t.qualifiedName(), g.name(), t.count(), sinceMark, delta, sincePrevious));
                tables++;
            }
            for (Activity.Counter s : g.sequences()) {
                String key = g.name() + "/s/" + s.qualifiedName();
                now.put(key, new long[] {s.count()});
                sequenceRows.add(new Row(s.qualifiedName(), g.name(), s.count(), sinceMark,
                    delta(key, s.count(), hasPrevious, sameMark), sincePrevious));
                sequences++;
            }
            totalDelta += groupDelta;
            groupRows.add(Arrays.asList(g.name(), g.lastMark(), g.markTime() == null ? null : TIME.format(g.markTime()),
                String.valueOf(g.changes()), rate(g.changes(), sinceMark),
                hasPrevious ? String.valueOf(groupDelta) : null, hasPrevious ? rate(groupDelta, sincePrevious) : null));
        }
        previous = now;
        previousMarks = marks;
        previousTime = activity.taken();

        List<Result> parts = new ArrayList<>();
        String head = "Logging: " + activity.groups().size() + " of " + Plural.of(activity.groupCount(), "group")
            + ", " + Plural.of(tables, "table") + ", " + Plural.of(sequences, "sequence") + " at "
            + CLOCK.format(activity.taken())
            + (hasPrevious
                ? String.format(Locale.ROOT, " - %s in the last %.1f s (%s/s)", Plural.of(totalDelta, "change"),
                    sincePrevious, rate(totalDelta, sincePrevious))
                : " - again (or \\watch) for the changes since now");
        parts.add(new Result.Message(head));
        parts.add(new Result.Rows(new Table(List.of(Column.left("group"), Column.left("last mark"), Column.left("mark time"),
            Column.right("since mark"), Column.right("rate"), Column.right("since previous"), Column.right("rate now")),
            groupRows, Table.countFooter(groupRows.size(), "logging group", "logging groups"))));
        parts.add(relations("table", tableRows));
        if (!sequenceRows.isEmpty()) {
            parts.add(relations("sequence", sequenceRows));
        }
        return new Result.Sequence(parts);
    }

    private Long delta(String key, long count, boolean hasPrevious, boolean sameMark) {
        if (!hasPrevious) {
            return null;
        }
        long[] before = previous.get(key);
        // A new mark restarts the counters: what was counted since it is all new.
        return sameMark && before != null ? Math.max(0, count - before[0]) : count;
    }

    private record Row(String name, String group, long sinceMark, double markSeconds, Long sincePrevious,
                       double previousSeconds) {
    }

    private static Result relations(String noun, List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong((Row r) -> r.sincePrevious() == null ? 0 : r.sincePrevious()).reversed()
            .thenComparing(Comparator.comparingLong(Row::sinceMark).reversed())
            .thenComparing(Row::name));
        List<List<String>> out = new ArrayList<>();
        for (Row r : sorted.subList(0, Math.min(MAX_RELATIONS, sorted.size()))) {
            out.add(Arrays.asList(r.name(), r.group(), String.valueOf(r.sinceMark()), rate(r.sinceMark(), r.markSeconds()),
                r.sincePrevious() == null ? null : String.valueOf(r.sincePrevious()),
                r.sincePrevious() == null ? null : rate(r.sincePrevious(), r.previousSeconds())));
        }
        String what = noun.equals("table") ? "changes" : "increments";
        String footer = rows.size() > MAX_RELATIONS
            ? "(the " + MAX_RELATIONS + " busiest of " + rows.size() + " " + noun + "s)"
            : Table.countFooter(rows.size(), noun, noun + "s");
        return new Result.Rows(new Table(List.of(Column.left(noun), Column.left("group"), Column.right(what + " since mark"),
            Column.right("rate"), Column.right("since previous"), Column.right("rate now")), out, footer));
    }

    private static String rate(long count, double seconds) {
        if (seconds <= 0) {
            return null;
        }
        return String.format(Locale.ROOT, "%.1f", count / seconds);
    }
}
