package org.emajshell.exec;

import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.Monitoring;
import org.emajshell.emaj.RollbackProgress;
import org.emajshell.render.ProgressBar;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The live progress bar of a running rollback: a thread polls emaj_rollback_activity() on a second
 * connection (the rollback holds the first one) and redraws the bar: percentage, tables done and
 * time left. When the extension publishes no progress (no dblink connection, say) the bar follows
 * the shell's own knowledge: the time elapsed against the estimate. Nothing runs on a non-terminal.
 */
final class RollbackWatch implements AutoCloseable {

    /** The bar appears only for rollbacks longer than this (no flash for quick ones). */
    static final long SHOW_AFTER_MILLIS = 300;
    static final long POLL_MILLIS = 200;

    private final Session session;
    private final List<String> groups;
    private final Duration estimate;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private final Thread poller;
    private volatile boolean stopped;
    private volatile boolean drawn;
    private long ticks;

    private RollbackWatch(Session session, List<String> groups, Duration estimate, ProgressBar bar) {
        this.session = session;
        this.groups = groups;
        this.estimate = estimate;
        this.bar = bar;
        this.poller = bar == ProgressBar.NONE ? null : new Thread(this::poll, "emaj-shell rollback progress");
        if (poller != null) {
            poller.setDaemon(true);
            poller.start();
        }
    }

    /** Starts watching (draws nothing when {@code bar} is {@link ProgressBar#NONE}). */
    static RollbackWatch start(Session session, List<String> groups, Duration estimate, ProgressBar bar) {
        return new RollbackWatch(session, groups, estimate, bar);
    }

    private void poll() {
        Connection side = null;
        Monitoring monitoring = null;
        try {
            while (!stopped) {
                sleep(POLL_MILLIS);
                if (stopped) {
                    break;
                }
                if (monitoring == null) {
                    try {
                        side = SideConnections.open(session);
                        monitoring = new Monitoring(side);
                    } catch (SQLException e) {
                        monitoring = null;
                    }
                }
                RollbackProgress p = null;
                if (monitoring != null) {
                    try {
                        p = monitoring.rollbackProgress(groups);
                    } catch (EmajError e) {
                        p = null;
                    }
                }
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                if (elapsed < SHOW_AFTER_MILLIS || stopped) {
                    continue;
                }
                synchronized (this) {
                    if (!stopped) {
                        drawn = true;
                        draw(p, elapsed);
                    }
                }
            }
        } finally {
            if (side != null) {
                try {
                    side.close();
                } catch (SQLException ignored) {
                    // a monitoring connection: nothing to keep
                }
            }
        }
    }

    private void draw(RollbackProgress p, long elapsedMillis) {
        double elapsed = elapsedMillis / 1000.0;
        if (p != null && p.completionPct() != null) {
            int total = p.tablesPlanned() > 0 ? p.tablesPlanned() : p.tablesToProcess();
            String left = p.secondsLeft() == null ? "" : String.format(Locale.ROOT, "  %s left", seconds(p.secondsLeft()));
            bar.update(p.completionPct() / 100.0, p.tablesDone() + "/" + total + " tables" + left
                + "  " + p.status().toLowerCase(Locale.ROOT));
            return;
        }
        // No progress published: the shell's own knowledge, the estimate, while it holds.
        double expected = estimate == null ? 0 : estimate.toNanos() / 1e9;
        if (expected > 0 && elapsed < expected) {
            bar.update(Math.min(0.95, elapsed / expected), seconds(elapsed) + " of about " + seconds(expected)
                + " (estimate)");
        } else {
            bar.pulse(ticks++, seconds(elapsed) + " elapsed" + (expected > 0 ? ", estimate was " + seconds(expected) : ""));
        }
    }

    /**
     * The rollback is over: the bar is drawn full one last time, with the tables processed and
     * the duration, and stays on the screen (only when it had been shown).
     */
    synchronized void finish(String tablesText, Duration elapsed) {
        stop();
        if (drawn) {
            bar.finish(1.0, (tablesText == null ? "" : tablesText + "  ") + seconds(elapsed.toNanos() / 1e9));
        }
    }

    private void stop() {
        stopped = true;
        if (poller != null) {
            poller.interrupt();
        }
    }

    /** Stops the poller and removes the bar if the rollback did not finish (an error, a cancel). */
    @Override
    public synchronized void close() {
        boolean wasStopped = stopped;
        stop();
        if (!wasStopped && drawn) {
            bar.clear();
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // stop() interrupts: the loop checks the flag
        }
    }
}
