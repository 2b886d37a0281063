package org.emajshell.exec;

import org.emajshell.command.Replay;
import org.emajshell.connect.ConnectionRequest;
import org.emajshell.connect.ConnectionSettings;
import org.emajshell.connect.SettingsResolver;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.ScriptLine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REPLAY: applies the changes recorded between two marks to another database, one original
 * transaction at a time (in the order of their last change, which is a valid commit order since
 * a row changed by two transactions was changed by the first one to commit first), then the
 * sequences. A failing transaction is rolled back on the target and stops the replay.
 */
final class ReplayCommands {

    private final Session session;
    private final Confirmer confirmer;

    ReplayCommands(Session session, Confirmer confirmer) {
        this.session = session;
        this.confirmer = confirmer;
    }

    record Transaction(long txid, List<String> statements, long lastGid) {
    }

    Result replay(Replay c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        List<ScriptLine> script = session.emaj().replayScript(group, c.since(), c.until());
        List<Transaction> transactions = transactions(script);
        List<String> sequences = script.stream().filter(ScriptLine::isSequenceReset).map(ScriptLine::sql).toList();
        ConnectionSettings target;
        try {
            target = SettingsResolver.fromSystem().resolve(new ConnectionRequest(null, null, null, null, c.conninfo()));
        } catch (IllegalArgumentException e) {
            throw new CommandError("invalid target connection: " + e.getMessage(),
                "give a libpq connection string ('host=h dbname=d') or a postgresql:// URI");
        }
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.jdbcProperties())) {
            return apply(group, c, transactions, sequences, connection, target);
        } catch (SQLException e) {
            throw new CommandError("cannot connect to the replay target (" + target.hostsText() + "/" + target.database()
                + "): " + e.getMessage(), "check the connection string after ON");
        }
    }

    static List<Transaction> transactions(List<ScriptLine> script) {
        Map<Long, List<ScriptLine>> byTx = new LinkedHashMap<>();
        for (ScriptLine line : script) {
            if (line.isChange()) {
                byTx.computeIfAbsent(line.txid(), k -> new ArrayList<>()).add(line);
            }
        }
        List<Transaction> list = new ArrayList<>();
        byTx.forEach((txid, lines) -> list.add(new Transaction(txid, lines.stream().map(ScriptLine::sql).toList(),
            lines.get(lines.size() - 1).gid())));
        list.sort(Comparator.comparingLong(Transaction::lastGid));
        return list;
    }

    private Result apply(String group, Replay c, List<Transaction> transactions, List<String> sequences,
                         Connection target, ConnectionSettings settings) throws SQLException, CommandError {
        target.setAutoCommit(false);
        boolean stepping = c.step();
        int applied = 0;
        int statements = 0;
        for (int i = 0; i < transactions.size(); i++) {
            Transaction tx = transactions.get(i);
            if (stepping) {
                List<String> shown = new ArrayList<>();
                shown.add("Transaction " + (i + 1) + " of " + transactions.size() + " (txid " + tx.txid() + ", "
                    + Plural.of(tx.statements().size(), "statement") + "):");
                tx.statements().forEach(s -> shown.add("  " + s));
                Confirmer.Step step = confirmer.step(shown, "Apply it? [n]ext, [c]ontinue without asking, [q]uit");
                if (step == Confirmer.Step.QUIT) {
                    return summary(group, c, applied, statements, transactions.size(), false, "stopped by the user");
                }
                stepping = step == Confirmer.Step.NEXT;
            }
            run(target, tx.statements(), "transaction " + tx.txid());
            applied++;
            statements += tx.statements().size();
        }
        if (!sequences.isEmpty()) {
            run(target, sequences, "the sequence resets");
        }
        return summary(group, c, applied, statements, transactions.size(), !sequences.isEmpty(), null);
    }

    private static void run(Connection target, List<String> statements, String what) throws CommandError, SQLException {
        try (Statement st = target.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
            target.commit();
        } catch (SQLException e) {
            target.rollback();
            throw new CommandError("replay stopped: " + what + " failed on the target and was rolled back: "
                + e.getMessage(), "the transactions before it stay applied; fix the target and replay from a later mark");
        }
    }

    private static Result summary(String group, Replay c, int applied, int statements, int total,
                                  boolean sequences, String stoppedBecause) {
        return new Result.Message("Replayed " + applied + " of " + Plural.of(total, "transaction") + " ("
            + Plural.of(statements, "statement") + ") of group " + group + " since '" + c.since() + "'"
            + (c.until() == null ? "" : " until '" + c.until() + "'")
            + (sequences ? ", then the sequences" : "")
            + (stoppedBecause == null ? "." : "; " + stoppedBecause + "."));
    }
}
