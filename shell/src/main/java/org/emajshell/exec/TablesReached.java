package org.emajshell.exec;

import org.emajshell.emaj.BackendActivity;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.WatchedTable;

import java.sql.Connection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The progress of an E-Maj function that works through a list of tables one after the other, in
 * an order the shell knows, locking each table (its log table, its indexes) when it reaches it and
 * keeping the lock to the end of its transaction: the last table of the list whose lock the
 * session's backend holds or waits for is the one in progress, those before it are done. The
 * fraction done is the weight (rows) of the tables done, plus the rows already copied of the
 * current one when the function copies, against the weight of all; the time left is extrapolated.
 */
final class TablesReached implements LiveProgress.Source {

    /** Reads the tables the function will go through, once, on the side connection. */
    @FunctionalInterface
    interface Plan {
        List<WatchedTable> read(BackendActivity activity) throws EmajError;
    }

    private static final double MIN_FRACTION_FOR_TIME_LEFT = 0.05;

    private final int pid;
    private final Plan plan;
    private final boolean followCopy;
    private Connection connectedTo;
    private BackendActivity activity;
    private volatile List<WatchedTable> tables;
    private List<Long> oids;
    /** Something could not be read (an old server, rights): from then on only the time is shown. */
    private boolean blind;
    // What was shown never goes back: the locks go when the function's transaction ends.
    private volatile int done;
    private double fraction;

    /**
     * @param pid        the backend running the function (the session's)
     * @param followCopy whether the function COPYs each table (the rows copied of the current one count)
     */
    TablesReached(int pid, Plan plan, boolean followCopy) {
        this.pid = pid;
        this.plan = plan;
        this.followCopy = followCopy;
    }

    /** Starts watching the session's backend run through these tables. */
    static TablesReached of(Session session, Plan plan, boolean followCopy) {
        return new TablesReached(session.backendPid(), plan, followCopy);
    }

    @Override
    public LiveProgress.Frame read(Connection side, double elapsed) {
        String time = LiveProgress.seconds(elapsed) + " elapsed";
        if (side == null || blind || pid <= 0) {
            return LiveProgress.Frame.unknown(time);
        }
        try {
            if (side != connectedTo) {
                connectedTo = side;
                activity = new BackendActivity(side);
            }
            if (tables == null) {
                List<WatchedTable> read = plan.read(activity);
                oids = read.stream().flatMap(t -> t.lockOids().stream()).distinct().toList();
                tables = read;
            }
            if (tables.isEmpty()) {
                return LiveProgress.Frame.unknown(time);
            }
            Set<Long> locked = activity.locked(pid, oids);
            int reached = -1;
            for (int i = 0; i < tables.size(); i++) {
                if (tables.get(i).lockOids().stream().anyMatch(locked::contains)) {
                    reached = i;
                }
            }
            double total = 0;
            double doneWeight = 0;
            for (int i = 0; i < tables.size(); i++) {
                total += weight(tables.get(i));
                if (i < reached) {
                    doneWeight += weight(tables.get(i));
                }
            }
            if (followCopy && reached >= 0) {
                OptionalLong copied = activity.copiedRows(pid);
                if (copied.isPresent()) {
                    doneWeight += Math.min(copied.getAsLong(), weight(tables.get(reached)));
                }
            }
            done = Math.max(done, reached);
            fraction = Math.max(fraction, doneWeight / total);
            // Extrapolated from too little done, the time left would be noise (hours for a
            // first small table): it shows from 5 % of the weight on.
            String left = fraction >= MIN_FRACTION_FOR_TIME_LEFT && fraction < 1
                ? "  " + LiveProgress.seconds(elapsed * (1 - fraction) / fraction) + " left" : "";
            return LiveProgress.Frame.of(fraction, done + "/" + tables.size() + " tables" + left);
        } catch (EmajError e) {
            blind = true;
            return LiveProgress.Frame.unknown(time);
        }
    }

    /** Every table costs at least its visit, even without rows. */
    private static double weight(WatchedTable t) {
        return Math.max(0, t.rows()) + 1.0;
    }

    /** "12/12 tables" once the function is over, when the bar had read its tables; else null. */
    String allDone() {
        List<WatchedTable> t = tables;
        return t == null ? null : t.size() + "/" + t.size() + " tables";
    }
}
