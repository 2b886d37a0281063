package org.emajshell.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database with the emaj extension installed, one per test class:
 * <pre>{@code @RegisterExtension static final EmajDatabase db = new EmajDatabase();}</pre>
 * The database is dropped after the class.
 */
public final class EmajDatabase implements BeforeAllCallback, AfterAllCallback {

    private String name;
    private Connection connection;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        name = TestServer.get().createEmajDatabase(context.getRequiredTestClass().getSimpleName());
        connection = TestServer.get().connect(name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (connection != null) {
            connection.close();
        }
        TestServer.get().dropDatabase(name);
    }

    public String name() {
        return name;
    }

    /** JDBC URL of the database, as the superuser. */
    public String url() {
        return TestServer.get().url(name);
    }

    /** libpq-style command-line options that reach this database: -h host -p port -U user -d name. */
    public List<String> connectionArgs() {
        java.net.URI uri = java.net.URI.create(url().substring("jdbc:".length()));
        String user = "postgres";
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                if (pair.startsWith("user=")) {
                    user = pair.substring("user=".length());
                }
            }
        }
        return List.of("-h", uri.getHost(), "-p", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
            "-U", user, "-d", name);
    }

    /** The class's shared superuser connection (autocommit on). */
    public Connection connection() {
        return connection;
    }

    /** A new superuser connection, closed by the caller. */
    public Connection newConnection() throws SQLException {
        return TestServer.get().connect(name);
    }

    /** Runs one or more statements (a script without result). */
    public void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n  while running: " + sql, e);
        }
    }

    /** The first column of the first row, as text (null when there is no row). */
    public String queryForString(String sql) {
        List<List<String>> rows = queryForRows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** The first column of every row, as text. */
    public List<String> queryForList(String sql) {
        return queryForRows(sql).stream().map(r -> r.get(0)).toList();
    }

    /** Every row as a list of column values in text form. */
    public List<List<String>> queryForRows(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n  while running: " + sql, e);
        }
    }
}
