package org.emajshell.exec;

import org.emajshell.emaj.EmajError;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.emajshell.parse.antlr.EmajShellLexer;
import org.emajshell.render.Column;
import org.emajshell.render.RowStream;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLWarning;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Runs a plain SQL statement the user typed and turns what it returns into results. */
final class SqlRunner {

    private static final Set<Integer> NUMERIC_TYPES = Set.of(Types.BIGINT, Types.INTEGER, Types.SMALLINT,
        Types.TINYINT, Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.FLOAT);

    private final Connection connection;

    SqlRunner(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs the statement now and returns its results, streaming: rows are read while they are
     * printed. A single query (SELECT, VALUES, TABLE) reads through a server-side cursor, a batch
     * of {@value #FETCH} rows at a time (psql's FETCH_COUNT), inside the user's transaction or a
     * read-only one of its own; anything else comes back as the server sends it.
     */
    Result run(String sql) throws EmajError {
        if (usesCursor(sql)) {
            return runWithCursor(sql);
        }
        Statement st;
        boolean isResultSet;
        try {
            st = connection.createStatement();
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
        try {
            isResultSet = st.execute(sql);
        } catch (SQLException e) {
            close(st);
            throw EmajError.of(e);
        }
        return new Result.Streamed(printer -> {
            List<Result> after = new ArrayList<>();
            try {
                for (Result w : warnings(st.getWarnings())) {
                    printer.warning(((Result.Warning) w).text());
                }
                st.clearWarnings();
                boolean hasResultSet = isResultSet;
                while (true) {
                    if (hasResultSet) {
                        try (ResultSet rs = st.getResultSet()) {
                            printer.rows(new ResultSetRows(rs, null, null));
                        } catch (RowStream.ReadFailure f) {
                            throw failure(f);
                        }
                    } else {
                        int count = st.getUpdateCount();
                        if (count == -1) {
                            break;
                        }
                        printer.message(commandTag(sql, count));
                    }
                    hasResultSet = st.getMoreResults();
                }
                after.addAll(warnings(st.getWarnings()));
            } catch (SQLException e) {
                throw EmajError.of(e);
            } finally {
                close(st);
            }
            return after.isEmpty() ? new Result.Nothing() : new Result.Sequence(after);
        });
    }

    /** Rows per FETCH from a server-side cursor. */
    static final int FETCH = 1000;

    private static int cursorNumber;

    private Result runWithCursor(String sql) throws EmajError {
        // Outside a transaction, one of its own; inside the user's (or without autocommit), that one.
        boolean ownTransaction = transactionState() == TransactionState.IDLE && autoCommit();
        String cursor = "emaj_shell_cursor_" + (++cursorNumber);
        Statement st;
        ResultSet first;
        try {
            st = connection.createStatement();
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
        try {
            if (ownTransaction) {
                st.execute("BEGIN");
            }
            st.execute("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + sql);
            first = st.executeQuery(fetch(cursor));
        } catch (SQLException e) {
            endCursor(st, cursor, ownTransaction, false, true);
            throw EmajError.of(e);
        }
        return new Result.Streamed(printer -> {
            boolean ok = false;
            try {
                for (Result w : warnings(st.getWarnings())) {
                    printer.warning(((Result.Warning) w).text());
                }
                st.clearWarnings();
                List<Result> late = new ArrayList<>();
                boolean[] endedEarly = {false};
                printer.rows(new ResultSetRows(first, () -> st.executeQuery(fetch(cursor)), () -> {
                    try {
                        late.addAll(warnings(st.getWarnings()));
                    } catch (SQLException ignored) {
                        // warnings only
                    }
                    endCursor(st, cursor, ownTransaction, true, false);
                    endedEarly[0] = true;
                }));
                ok = true;
                return new Result.Sequence(endedEarly[0] ? late : warnings(st.getWarnings()));
            } catch (RowStream.ReadFailure f) {
                throw failure(f);
            } catch (SQLException e) {
                throw EmajError.of(e);
            } finally {
                endCursor(st, cursor, ownTransaction, ok, true);
            }
        });
    }

    private static String fetch(String cursor) {
        return "FETCH FORWARD " + FETCH + " FROM " + cursor;
    }

    /**
     * Closes the cursor and ends the transaction opened for it (committed when all went well),
     * once: the last batch may have ended it already. {@code closeStatement} at the very end.
     */
    private void endCursor(Statement st, String cursor, boolean ownTransaction, boolean ok, boolean closeStatement) {
        try {
            if (!st.isClosed() && !ended.contains(cursor)) {
                ended.add(cursor);
                if (ownTransaction) {
                    st.execute(ok ? "COMMIT" : "ROLLBACK");
                } else if (transactionState() == TransactionState.OPEN) {
                    st.execute("CLOSE " + cursor);
                }
            }
        } catch (SQLException ignored) {
            // the error that brought us here is the one to report
        } finally {
            if (closeStatement) {
                close(st);
            }
        }
    }

    /** The cursors already ended (by their last batch). */
    private final java.util.Set<String> ended = new java.util.HashSet<>();

    /**
     * True for statements that can be read through a cursor: one query (SELECT, VALUES or TABLE)
     * without INTO (which creates a table), outside a failed transaction.
     */
    boolean usesCursor(String sql) {
        if (transactionState() == TransactionState.FAILED) {
            return false;
        }
        EmajShellLexer lexer = new EmajShellLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        boolean first = true;
        for (Token t : lexer.getAllTokens()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (first) {
                if (type != EmajShellLexer.SELECT && type != EmajShellLexer.VALUES && type != EmajShellLexer.TABLE) {
                    return false;
                }
                first = false;
            } else if (type == EmajShellLexer.SEMI || type == EmajShellLexer.UNTERMINATED
                || type == EmajShellLexer.VARIABLE || type == EmajShellLexer.PARAM
                || (type == EmajShellLexer.IDENTIFIER && t.getText().equalsIgnoreCase("into"))) {
                return false;
            }
        }
        return !first;
    }

    private boolean autoCommit() {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    private TransactionState transactionState() {
        if (connection instanceof BaseConnection base) {
            return base.getTransactionState();
        }
        return TransactionState.IDLE;
    }

    private static EmajError failure(RowStream.ReadFailure f) {
        return f.getCause() instanceof SQLException e ? EmajError.of(e) : EmajError.of(new SQLException(f.getMessage(), f));
    }

    private static void close(Statement st) {
        try {
            st.close();
        } catch (SQLException ignored) {
            // nothing to do about it
        }
    }

    /** Fetches the next batch of a cursor, or null when the rows come in one result set. */
    @FunctionalInterface
    private interface NextBatch {
        ResultSet fetch() throws SQLException;
    }

    /**
     * The rows of a result set (and of the following FETCHes of its cursor), as the printer pulls
     * them. A cursor's batch is read whole as soon as it arrives; when it is the last one (fewer
     * rows than a FETCH asks for), {@code onLastBatch} runs at once, before the rows are printed:
     * the transaction opened for the cursor ends then, not after the user has left the pager.
     */
    private static final class ResultSetRows implements RowStream {
        private final NextBatch nextBatch;
        private final Runnable onLastBatch;
        private final List<Column> columns;
        private ResultSet rs;
        private List<List<String>> batch = List.of();
        private int at;
        private boolean last;

        ResultSetRows(ResultSet rs, NextBatch nextBatch, Runnable onLastBatch) {
            this.rs = rs;
            this.nextBatch = nextBatch;
            this.onLastBatch = onLastBatch;
            try {
                this.columns = columnsOf(rs.getMetaData());
                if (nextBatch != null) {
                    readBatch();
                }
            } catch (SQLException e) {
                throw new ReadFailure(e);
            }
        }

        private void readBatch() throws SQLException {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row());
            }
            rs.close();
            batch = rows;
            at = 0;
            if (rows.size() < FETCH) {
                last = true;
                onLastBatch.run();
            }
        }

        private List<String> row() throws SQLException {
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rs.getString(i));
            }
            return row;
        }

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public List<String> next() {
            try {
                if (nextBatch == null) {
                    return rs.next() ? row() : null;
                }
                while (at == batch.size()) {
                    if (last) {
                        return null;
                    }
                    rs = nextBatch.fetch();
                    readBatch();
                }
                return batch.get(at++);
            } catch (SQLException e) {
                throw new ReadFailure(e);
            }
        }
    }

    private static List<Column> columnsOf(ResultSetMetaData md) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(new Column(md.getColumnLabel(i), NUMERIC_TYPES.contains(md.getColumnType(i))));
        }
        return columns;
    }

    static List<Result> warnings(SQLWarning warning) {
        List<Result> list = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            String severity = "WARNING";
            String text = w.getMessage();
            if (w instanceof PSQLWarning pw && pw.getServerErrorMessage() != null) {
                severity = pw.getServerErrorMessage().getSeverity();
                text = pw.getServerErrorMessage().getMessage();
            }
            list.add(new Result.Warning(severity + ":  " + text));
        }
        return list;
    }

    /**
     * psql-like command tag. pgjdbc does not expose the server's tag, so it is rebuilt from the
     * statement's first words and the update count.
     */
    static String commandTag(String sql, int count) {
        String[] words = sql.strip().replaceAll("(?s)^(--[^\\n]*\\n|/\\*.*?\\*/|\\s)+", "")
            .split("\\s+", 4);
        String first = words[0].toUpperCase(Locale.ROOT).replace(";", "");
        switch (first) {
            case "INSERT":
                return "INSERT 0 " + count;
            case "UPDATE", "DELETE", "MERGE", "COPY", "FETCH", "MOVE":
                return first + " " + count;
            case "SELECT":
                return "SELECT " + count;
            case "CREATE", "DROP", "ALTER":
                String second = words.length > 1 ? words[1].toUpperCase(Locale.ROOT).replace(";", "") : "";
                if (second.equals("UNIQUE") || second.equals("OR") || second.equals("TEMP")
                    || second.equals("TEMPORARY") || second.equals("UNLOGGED")) {
                    String third = words.length > 2 ? words[2].toUpperCase(Locale.ROOT).replace(";", "") : "";
                    second = second.equals("OR") && words.length > 3
                        ? words[3].split("\\s+")[0].toUpperCase(Locale.ROOT) : third;
                }
                return (first + " " + second).strip();
            default:
                return first;
        }
    }

    String currentSchema() throws EmajError {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
    }
}
