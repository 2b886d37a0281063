package org.emajshell.exec;

import org.emajshell.command.ConsolidateRollback;
import org.emajshell.command.EstimateRollback;
import org.emajshell.command.Rollback;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.MarkInfo;
import org.emajshell.emaj.RollbackMessage;
import org.emajshell.emaj.TableChanges;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ROLLBACK TO a mark: explain, confirm, run, report. */
final class RollbackCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern RLBK_ID = Pattern.compile("Rollback id = (\\d+)");
    private static final Pattern PROCESSED = Pattern.compile("(\\d+) / (\\d+) (tables|sequences) effectively processed");

    private final Session session;
    private final Confirmer confirmer;
    private final ChangeCommands changes;

    RollbackCommands(Session session, Confirmer confirmer, ChangeCommands changes) {
        this.session = session;
        this.confirmer = confirmer;
        this.changes = changes;
    }

    Result rollback(Rollback c) throws EmajError, CommandError {
        if (c.parallel() != null) {
            throw new CommandError("PARALLEL rollbacks are not supported by this version of the shell",
                "leave PARALLEL out: the rollback then runs in one session");
        }
        List<String> groups = GroupResolver.groups(c.groups(), session);
        Plan plan = plan(groups, c);
        if (c.verbose()) {
            // the rows themselves, group by group, as diffs from now back to the mark
            List<Result> parts = new ArrayList<>();
            parts.add(new Result.Message(String.join("\n", plan.explanation())));
            for (String group : groups) {
                parts.add(changes.undo(group, plan.markName()));
            }
            parts.add(new Result.Message("Preview only: nothing was changed."));
            return new Result.Sequence(parts);
        }
        if (c.preview()) {
            return new Result.Message(String.join("\n", plan.explanation()) + "\nPreview only: nothing was changed.");
        }
        if (!confirmer.confirm(plan.explanation(), "Proceed?")) {
            return new Result.Message("Rollback cancelled: nothing was changed.");
        }
        // Runs while it is printed: a progress bar follows it on the terminal (see RollbackWatch).
        return new Result.Streamed(printer -> {
            try (LiveProgress watch = RollbackWatch.start(session, groups, plan.estimate(), printer.progress())) {
                Done done = Done.of(session.emaj().rollback(groups, c.mark(), c.logged(), c.allowAlter(), c.comment()));
                Duration elapsed = watch.finish(done.tables() == null ? null
                    : done.tables()[0] + "/" + done.tables()[1] + " tables");
                return report(groups, plan, done, elapsed, c.logged());
            }
        });
    }

    /**
     * What E-Maj's rollback said, read once: its id, the tables and sequences effectively
     * processed out of those of the groups ({done, of}, null when not said), and the other
     * messages as they are to be shown.
     */
    private record Done(Long id, long[] tables, long[] sequences, List<Result> others) {
        static Done of(List<RollbackMessage> messages) {
            Long id = null;
            long[] tables = null;
            long[] sequences = null;
            List<Result> others = new ArrayList<>();
            for (RollbackMessage m : messages) {
                Matcher idMatch = RLBK_ID.matcher(m.message());
                Matcher processed = PROCESSED.matcher(m.message());
                if (idMatch.find()) {
                    id = Long.valueOf(idMatch.group(1));
                } else if (processed.find()) {
                    long[] counts = {Long.parseLong(processed.group(1)), Long.parseLong(processed.group(2))};
                    if (processed.group(3).equals("tables")) {
                        tables = counts;
                    } else {
                        sequences = counts;
                    }
                } else if ("Warning".equalsIgnoreCase(m.severity())) {
                    others.add(new Result.Warning("WARNING:  " + m.message()));
                } else {
                    others.add(new Result.Message(m.severity() + ": " + m.message()));
                }
            }
            return new Done(id, tables, sequences, others);
        }
    }

    Result estimate(EstimateRollback c) throws EmajError, CommandError {
        List<String> groups = GroupResolver.groups(c.groups(), session);
        Rollback asRollback = new Rollback(groups, c.mark(), c.logged(), false, null, null, true, false);
        return new Result.Message(String.join("\n", plan(groups, asRollback).explanation()));
    }

    Result consolidate(ConsolidateRollback c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        long count = session.emaj().consolidateRollback(group, c.mark());
        return new Result.Message("Logged rollback ending at mark '" + c.mark() + "' of group " + group
            + " consolidated (" + Plural.relations(count) + "): it is now like an unlogged rollback.");
    }

    private record Plan(String markName, List<TableChanges> changes, List<String> explanation, Duration estimate) {
        long rows() {
            return changes.stream().mapToLong(TableChanges::rows).sum();
        }
    }

    private Plan plan(List<String> groups, Rollback c) throws EmajError {
        List<MarkInfo> marks = session.emaj().marks(groups.get(0));
        MarkInfo target = findMark(marks, c.mark());
        String markName = target == null ? c.mark() : target.name();
        List<TableChanges> changes = session.emaj().logStat(groups, markName, null).stream()
            .filter(t -> t.rows() > 0).toList();
        List<String> lines = new ArrayList<>();
        lines.add((c.logged() ? "Logged rollback" : "Rollback") + " of " + GroupCommands.groupsPhrase(groups) + " to mark '" + markName + "'"
            + (target == null || target.time() == null ? "" : " (" + TIME.format(target.time()) + ")") + ":");
        int width = changes.stream().mapToInt(t -> t.qualifiedName().length()).max().orElse(0);
        for (TableChanges t : changes) {
            lines.add("  " + String.format("%-" + width + "s", t.qualifiedName()) + "   " + Plural.of(t.rows(), "row")
                + " to restore");
        }
        if (changes.isEmpty()) {
            lines.add("  no table has changed since the mark");
        }
        String estimate;
        Duration d = null;
        try {
            d = session.emaj().estimateRollback(groups, markName, c.logged());
            estimate = d == null ? "unknown" : String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
        } catch (EmajError e) {
            estimate = "unknown (" + e.getMessage() + ")";
        }
        String later = "";
        if (!c.logged() && target != null) {
            List<String> after = marks.subList(marks.indexOf(target) + 1, marks.size()).stream().map(MarkInfo::name).toList();
            later = " Marks set after it will be deleted: " + (after.isEmpty() ? "none" : String.join(", ", after)) + ".";
        }
        lines.add("  estimated duration: " + estimate + "." + later);
        return new Plan(markName, changes, lines, d);
    }

    private static MarkInfo findMark(List<MarkInfo> marks, String mark) {
        if ("EMAJ_LAST_MARK".equals(mark)) {
            return marks.isEmpty() ? null : marks.get(marks.size() - 1);
        }
        return marks.stream().filter(m -> m.name().equals(mark)).findFirst().orElse(null);
    }

    private Result report(List<String> groups, Plan plan, Done done, Duration elapsed, boolean logged) {
        long[] tables = done.tables();
        long[] sequences = done.sequences();
        List<Result> parts = new ArrayList<>(done.others());
        StringBuilder summary = new StringBuilder();
        summary.append(logged ? "Logged rollback of " : "Rolled back ")
            .append(GroupCommands.groupsPhrase(groups))
            .append(" to mark '").append(plan.markName()).append("': ")
            .append(Plural.of(plan.rows(), "row change")).append(" undone");
        if (tables != null) {
            summary.append("; ").append(tables[0]).append(" / ").append(tables[1]).append(" tables and ")
                .append(sequences == null ? "no sequences" : sequences[0] + " / " + sequences[1] + " sequences")
                .append(" effectively processed");
        }
        summary.append(String.format(Locale.ROOT, " in %.2f s.", elapsed.toNanos() / 1e9));
        if (done.id() != null) {
            summary.append(" Rollback id ").append(done.id()).append('.');
        }
        // the same facts, field by field, for --format json (documented in JsonFormat)
        Map<String, Object> facts = GroupCommands.groupFacts(groups);
        facts.put("mark", plan.markName());
        facts.put("logged", logged);
        facts.put("rows", plan.rows());
        facts.put("tables", tables == null ? null : tables[0]);
        facts.put("tables_in_groups", tables == null ? null : tables[1]);
        facts.put("sequences", sequences == null ? null : sequences[0]);
        facts.put("sequences_in_groups", sequences == null ? null : sequences[1]);
        facts.put("duration_ms", elapsed.toMillis());
        facts.put("rollback_id", done.id());
        parts.add(new Result.Outcome(summary.toString(), facts));
        return new Result.Sequence(parts);
    }
}
