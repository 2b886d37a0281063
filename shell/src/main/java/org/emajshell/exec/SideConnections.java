package org.emajshell.exec;

import org.emajshell.connect.ConnectionSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Second connections to the session's database, for what runs beside the user's connection: the
 * progress of a rollback (read while the rollback blocks the first one), catalog names for
 * completion while the user's transaction is open. Same settings as the session's connection.
 */
public final class SideConnections {

    private SideConnections() {
    }

    /** Opens one; the caller closes it. */
    public static Connection open(Session session) throws SQLException {
        ConnectionSettings settings = session.connector().map(c -> c.current()).orElse(null);
        Connection c;
        if (settings != null) {
            c = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcProperties());
        } else {
            // No connector (tests, embedded use): the URL the connection was opened with.
            c = DriverManager.getConnection(session.connection().getMetaData().getURL());
        }
        try (var st = c.createStatement()) {
            st.execute("SET application_name = 'emaj-shell (side connection)'");
        } catch (SQLException ignored) {
            // only a label
        }
        return c;
    }
}
