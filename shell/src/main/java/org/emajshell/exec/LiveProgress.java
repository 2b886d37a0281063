package org.emajshell.exec;

import org.emajshell.render.ProgressBar;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The live progress bar of work that keeps the session's connection busy (a rollback, a detailed
 * statistic, a snapshot, a replay script): a thread asks a {@link Source} how far the work is,
 * on a second connection since the first one is busy, and redraws the bar. The bar appears only
 * when the work lasts (no flash for quick commands), stays on the screen, full and followed by a
 * summary, when the work ends ({@link #finish}), and disappears on an error or a cancel
 * ({@link #close}). Nothing runs when the bar is {@link ProgressBar#NONE} (no terminal).
 */
final class LiveProgress implements AutoCloseable {

    /** The bar appears only for work longer than this. */
    static final long SHOW_AFTER_MILLIS = 300;
    static final long POLL_MILLIS = 200;

    /** What the work's progress is read from. Called on the watching thread only. */
    @FunctionalInterface
    interface Source {
        /**
         * How far the work is now; {@code side} is the second connection, null while none could
         * be opened. Errors are the source's to absorb: it answers with what it still knows.
         */
        Frame read(Connection side, double elapsedSeconds);
    }

    /** One drawing of the bar: the fraction done and its detail, or, with no fraction, a pulse. */
    record Frame(Double fraction, String detail) {
        static Frame of(double fraction, String detail) {
            return new Frame(fraction, detail);
        }

        /** How much is left is not known: the bar only shows that the work goes on. */
        static Frame unknown(String detail) {
            return new Frame(null, detail);
        }
    }

    private final Session session;
    private final Source source;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private final Thread poller;
    private volatile boolean stopped;
    private volatile boolean drawn;
    private long ticks;

    private LiveProgress(Session session, Source source, ProgressBar bar, String what) {
        this.session = session;
        this.source = source;
        this.bar = bar;
        this.poller = bar == ProgressBar.NONE ? null : new Thread(this::poll, "emaj-shell " + what + " progress");
        if (poller != null) {
            poller.setDaemon(true);
            poller.start();
        }
    }

    /** Starts watching; {@code what} names the work for the thread (draws nothing on {@link ProgressBar#NONE}). */
    static LiveProgress start(Session session, Source source, ProgressBar bar, String what) {
        return new LiveProgress(session, source, bar, what);
    }

    private void poll() {
        Connection side = null;
        try {
            while (!stopped) {
                sleep(POLL_MILLIS);
                if (stopped) {
                    break;
                }
                if (side == null) {
                    side = openSide();
                }
                // Read before the bar shows: a source's first reading (its plan) is then ready.
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                Frame frame = source.read(side, elapsed / 1000.0);
                if (elapsed < SHOW_AFTER_MILLIS || stopped || frame == null) {
                    continue;
                }
                synchronized (this) {
                    if (!stopped) {
                        drawn = true;
                        if (frame.fraction() != null) {
                            bar.update(frame.fraction(), frame.detail());
                        } else {
                            bar.pulse(ticks++, frame.detail());
                        }
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

    private Connection openSide() {
        try {
            return SideConnections.open(session);
        } catch (SQLException e) {
            return null; // tried again at the next tick; the source answers without it meanwhile
        }
    }

    /**
     * The work is over: the bar is drawn full one last time with {@code facts} (tables, rows...)
     * and the duration, and stays on the screen; only when it had been shown. Returns how long the
     * work took, from the start of the watch.
     */
    synchronized Duration finish(String facts) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        stop();
        if (drawn) {
            bar.finish(1.0, (facts == null || facts.isEmpty() ? "" : facts + "  ") + seconds(elapsed.toNanos() / 1e9));
        }
        return elapsed;
    }

    private void stop() {
        stopped = true;
        if (poller != null) {
            poller.interrupt();
        }
    }

    /** Stops watching and removes the bar if the work did not finish (an error, a cancel). */
    @Override
    public synchronized void close() {
        boolean wasStopped = stopped;
        stop();
        if (!wasStopped && drawn) {
            bar.clear();
        }
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    /** The facts of a summary ("12/12 tables", "1,234 rows"), those known, as the bar shows them. */
    static String facts(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isEmpty())
            .collect(Collectors.joining("  "));
    }

    /** Counts as the summaries show them: 1,234,567. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // stop() interrupts: the loop checks the flag
        }
    }
}
