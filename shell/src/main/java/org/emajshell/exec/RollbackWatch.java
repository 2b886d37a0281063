package org.emajshell.exec;

import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.Monitoring;
import org.emajshell.emaj.RollbackProgress;
import org.emajshell.render.ProgressBar;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Where the progress bar of a running rollback reads from: emaj_rollback_activity() on the second
 * connection (the rollback holds the first one) gives the percentage, the tables done and the time
 * left. When the extension publishes no progress (no dblink connection, say) the bar follows the
 * shell's own knowledge: the time elapsed against the estimate. {@link LiveProgress} does the rest.
 */
final class RollbackWatch implements LiveProgress.Source {

    private final List<String> groups;
    private final Duration estimate;
    private Connection monitored;
    private Monitoring monitoring;

    private RollbackWatch(List<String> groups, Duration estimate) {
        this.groups = groups;
        this.estimate = estimate;
    }

    /** Starts watching the rollback of these groups (draws nothing when {@code bar} is {@link ProgressBar#NONE}). */
    static LiveProgress start(Session session, List<String> groups, Duration estimate, ProgressBar bar) {
        return LiveProgress.start(session, new RollbackWatch(groups, estimate), bar, "rollback");
    }

    @Override
    public LiveProgress.Frame read(Connection side, double elapsed) {
        RollbackProgress p = null;
        if (side != null) {
            if (side != monitored) {
                monitored = side;
                monitoring = new Monitoring(side);
            }
            try {
                p = monitoring.rollbackProgress(groups);
            } catch (EmajError e) {
                p = null;
            }
        }
        if (p != null && p.completionPct() != null) {
            int total = p.tablesPlanned() > 0 ? p.tablesPlanned() : p.tablesToProcess();
            String left = p.secondsLeft() == null ? "" : "  " + LiveProgress.seconds(p.secondsLeft()) + " left";
            return LiveProgress.Frame.of(p.completionPct() / 100.0, p.tablesDone() + "/" + total + " tables" + left
                + "  " + p.status().toLowerCase(Locale.ROOT));
        }
        // No progress published: the shell's own knowledge, the estimate, while it holds.
        double expected = estimate == null ? 0 : estimate.toNanos() / 1e9;
        if (expected > 0 && elapsed < expected) {
            return LiveProgress.Frame.of(Math.min(0.95, elapsed / expected), LiveProgress.seconds(elapsed)
                + " of about " + LiveProgress.seconds(expected) + " (estimate)");
        }
        return LiveProgress.Frame.unknown(LiveProgress.seconds(elapsed) + " elapsed"
            + (expected > 0 ? ", estimate was " + LiveProgress.seconds(expected) : ""));
    }
}
