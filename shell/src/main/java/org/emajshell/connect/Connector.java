package org.emajshell.connect;

import org.postgresql.core.BaseConnection;
import org.postgresql.util.HostSpec;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens the session's connections: resolves the settings, asks for a password when the server
 * wants one that is not known (psql's -W and -w), and remembers the current settings so that
 * {@code \c} changes only what it names.
 */
public final class Connector {

    /** psql's password habits: ask when the server wants one (default), always (-W), never (-w). */
    public enum PasswordMode { IF_NEEDED, ALWAYS, NEVER }

    /** Reads a password without echo. */
    @FunctionalInterface
    public interface PasswordPrompt {

        /** The password typed, or null when there is no terminal to ask on. */
        char[] ask(String prompt);

        /** The process's console; none when the standard input or output is redirected. */
        static PasswordPrompt console() {
            return prompt -> System.console() == null ? null : System.console().readPassword("%s", prompt);
        }
    }

    private static final String PASSWORD_HINT = "give it with -W (to be asked), PGPASSWORD, ~/.pgpass (PGPASSFILE),"
        + " a service file or password= in the connection string";

    private final SettingsResolver resolver;
    private final PasswordMode mode;
    private final PasswordPrompt prompt;
    private ConnectionSettings current;

    public Connector(SettingsResolver resolver, PasswordMode mode, PasswordPrompt prompt) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** The settings of the current connection (null before the first one). */
    public ConnectionSettings current() {
        return current;
    }

    /** Resolves what the command line asked for and connects. */
    public Connection open(ConnectionRequest request) throws ConnectionFailure {
        return open(resolve(request));
    }

    public ConnectionSettings resolve(ConnectionRequest request) throws ConnectionFailure {
        try {
            return resolver.resolve(request);
        } catch (IllegalArgumentException e) {
            throw new ConnectionFailure(ConnectionFailure.Kind.SETTINGS, e.getMessage(), null);
        }
    }

    /** Connects with these settings; on success they become the current ones. */
    public Connection open(ConnectionSettings settings) throws ConnectionFailure {
        ConnectionSettings s = settings;
        if (mode == PasswordMode.ALWAYS) {
            s = s.withPassword(ask(s, "-W (--password) asks for the password of user \"" + s.user() + "\""), "the prompt");
        }
        try {
            Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcProperties());
            current = s.connectedTo(reached(c, s));
            return c;
        } catch (SQLException e) {
            if (!needsPassword(e) || s.password() != null) {
                throw failure(e, s);
            }
            if (mode == PasswordMode.NEVER) {
                throw new ConnectionFailure(ConnectionFailure.Kind.SERVER, "the server asks for a password for user \""
                    + s.user() + "\", and -w (--no-password) forbids asking for one", PASSWORD_HINT);
            }
        }
        s = s.withPassword(ask(s, "the server asks for a password for user \"" + s.user() + "\""), "the prompt");
        try {
            Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcProperties());
            current = s.connectedTo(reached(c, s));
            return c;
        } catch (SQLException e) {
            throw failure(e, s);
        }
    }

    /**
     * {@code \c}: either a connection string (a URI or key=value pairs), or psql's positional
     * {@code dbname [user [host [port]]]} where {@code -} keeps a value. What is not named keeps
     * its current value; the password too, while the host, port and user stay the same.
     */
    public Connection reconnect(List<String> args) throws ConnectionFailure {
        if (current == null) {
            throw new ConnectionFailure(ConnectionFailure.Kind.SETTINGS, "there is no current connection to start from", null);
        }
        Map<String, String> asked = new LinkedHashMap<>();
        try {
            if (!args.isEmpty() && Conninfo.isConnectionString(args.get(0))) {
                if (args.size() > 1) {
                    throw new IllegalArgumentException("\\c takes one connection string: quote it if it holds spaces");
                }
                asked.putAll(Conninfo.parse(args.get(0)));
            } else {
                if (args.size() > 4) {
                    throw new IllegalArgumentException("\\c takes at most dbname, user, host and port");
                }
                String[] keys = {"dbname", "user", "host", "port"};
                for (int i = 0; i < args.size(); i++) {
                    if (!args.get(i).equals("-")) {
                        asked.put(keys[i], args.get(i));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConnectionFailure(ConnectionFailure.Kind.SETTINGS, e.getMessage(), null);
        }
        ConnectionSettings base = current;
        Map<String, String> rest = new LinkedHashMap<>();
        if (base.sslMode() != null) {
            rest.put("sslmode", base.sslMode());
        }
        if (base.applicationName() != null) {
            rest.put("application_name", base.applicationName());
        }
        rest.putAll(base.options());
        asked.forEach((key, value) -> {
            if (!List.of("user", "dbname").contains(key)) {
                rest.put(key, value);
            }
        });
        // hosts and ports travel as text: either may be a list (host=h1,h2 port=5432,5433)
        if (!asked.containsKey("host") && !asked.containsKey("hostaddr")) {
            rest.put("host", base.host());
        }
        rest.putIfAbsent("port", Integer.toString(base.port()));
        String user = asked.getOrDefault("user", base.user());
        String dbname = asked.getOrDefault("dbname", base.database());
        ConnectionSettings next = resolve(new ConnectionRequest(null, null, user, dbname, Conninfo.format(rest)));
        if (next.password() == null && base.password() != null && next.endpoints().equals(base.endpoints())
            && next.user().equals(base.user())) {
            next = next.withPassword(base.password(), base.passwordSource());
        }
        return open(next);
    }

    /**
     * The endpoint a connection reached: the only one, or the one the driver picked from the list
     * (it tries them in order and keeps the first that fits target_session_attrs).
     */
    private static Endpoint reached(Connection c, ConnectionSettings s) {
        if (s.endpoints().size() == 1) {
            return s.endpoints().get(0);
        }
        try {
            HostSpec spec = c.unwrap(BaseConnection.class).getQueryExecutor().getHostSpec();
            return s.endpoints().stream()
                .filter(e -> e.port() == spec.getPort() && e.host().equalsIgnoreCase(spec.getHost()))
                .findFirst()
                .orElse(new Endpoint(spec.getHost(), spec.getPort()));
        } catch (SQLException e) {
            return s.endpoints().get(0); // not the driver's own connection: the list's first is the best guess
        }
    }

    private String ask(ConnectionSettings s, String why) throws ConnectionFailure {
        char[] typed = prompt.ask("Password for user " + s.user() + ": ");
        if (typed == null) {
            throw new ConnectionFailure(ConnectionFailure.Kind.SERVER, why + ", and there is no terminal to ask for it on",
                PASSWORD_HINT);
        }
        return new String(typed);
    }

    /** pgjdbc's "the server requested password-based authentication, but no password was provided". */
    static boolean needsPassword(SQLException e) {
        return "08004".equals(e.getSQLState()) && e.getMessage() != null
            && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("password");
    }

    private static ConnectionFailure failure(SQLException e, ConnectionSettings s) {
        String reason = e.getMessage();
        if (s.isUnixSocket()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConnectException) {
                    reason = t.getMessage();
                    break;
                }
            }
        }
        String hint = null;
        if ("28P01".equals(e.getSQLState()) && s.passwordSource() != null) {
            hint = "the password came from " + s.passwordSource();
        } else if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
            hint = "check the user name, and " + PASSWORD_HINT;
        }
        return new ConnectionFailure(ConnectionFailure.Kind.SERVER, "could not connect to " + s.describe() + ": " + reason, hint);
    }
}
