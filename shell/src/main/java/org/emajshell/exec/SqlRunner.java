package org.emajshell.exec;

import org.emajshell.emaj.EmajError;
import org.emajshell.render.Column;
import org.emajshell.render.Table;
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

    Result run(String sql) throws EmajError {
        List<Result> results = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            boolean isResultSet = st.execute(sql);
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = st.getResultSet()) {
                        results.add(new Result.Rows(toTable(rs)));
                    }
                } else {
                    int count = st.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    results.add(new Result.Message(commandTag(sql, count)));
                }
                isResultSet = st.getMoreResults();
            }
            results.addAll(0, warnings(st.getWarnings()));
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
        return results.size() == 1 ? results.get(0) : new Result.Sequence(results);
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

    private static Table toTable(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(new Column(md.getColumnLabel(i), NUMERIC_TYPES.contains(md.getColumnType(i))));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return new Table(columns, rows, Table.countFooter(rows.size(), "row", "rows"));
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
