package org.emajshell.exec;

import org.emajshell.connect.Connector;
import org.emajshell.emaj.EmajClient;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.EmajInfo;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one shell session: the connection, the current group (USE) and the variables
 * (\set). One per REPL or script run.
 */
public final class Session implements AutoCloseable {

    private Connection connection;
    private EmajClient emaj;
    private EmajInfo info;
    private String currentGroup;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private Connector connector;

    public Session(Connection connection) throws EmajError {
        attach(connection);
    }

    /** Switches to another connection (\c); the current group is forgotten. */
    public void attach(Connection newConnection) throws EmajError {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the old connection may already be broken; the new one is what matters
            }
        }
        connection = newConnection;
        emaj = new EmajClient(newConnection);
        info = emaj.info();
        currentGroup = null;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * The server process of the connection (pgjdbc learnt it when connecting: no round trip),
     * for progress bars that watch it from a second connection; 0 when unknown.
     */
    public int backendPid() {
        try {
            return connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return 0;
        }
    }

    public EmajClient emaj() {
        return emaj;
    }

    public EmajInfo info() {
        return info;
    }

    public void refreshInfo() throws EmajError {
        info = emaj.info();
    }

    public Optional<String> currentGroup() {
        return Optional.ofNullable(currentGroup);
    }

    public void useGroup(String group) {
        currentGroup = group;
    }

    public Map<String, String> variables() {
        return variables;
    }

    /** What opened the connection and can open another (\c), if the session knows it. */
    public Optional<Connector> connector() {
        return Optional.ofNullable(connector);
    }

    public void setConnector(Connector connector) {
        this.connector = connector;
    }

    /** Transaction status for the prompt: IDLE, OPEN ('*') or FAILED ('!'). */
    public TransactionState transactionState() {
        if (connection instanceof BaseConnection base) {
            return base.getTransactionState();
        }
        return TransactionState.IDLE;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection cannot fail in a way the user can act on
        }
    }
}
