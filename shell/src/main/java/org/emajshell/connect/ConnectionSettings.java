package org.emajshell.connect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom to connect, libpq-style. A host that starts with {@code /} is the directory of
 * the server's Unix socket ({@code <dir>/.s.PGSQL.<port>}). The password is never part of
 * {@link #toString()}, of the URL or of {@link #describe()}.
 *
 * @param options        more libpq keywords (sslrootcert, connect_timeout, options, ...)
 * @param passwordSource where the password came from, for messages ("PGPASSWORD", a file name,
 *                       "the connection string", "the prompt"), or null without a password
 */
public record ConnectionSettings(String host, int port, String user, String database, String password,
                                 String sslMode, String applicationName, Map<String, String> options,
                                 String passwordSource) {

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port " + port);
        }
        options = Map.copyOf(options == null ? Map.of() : options);
    }

    public ConnectionSettings(String host, int port, String user, String database, String password,
                              String sslMode, String applicationName) {
        this(host, port, user, database, password, sslMode, applicationName, Map.of(),
            password == null ? null : "the settings");
    }

    /** True when the host is a Unix-socket directory. */
    public boolean isUnixSocket() {
        return host.startsWith("/");
    }

    /** The socket file for a Unix-socket host. */
    public Path socketFile() {
        return Path.of(host, ".s.PGSQL." + port);
    }

    /** The JDBC URL, without credentials. A Unix-socket connection goes through {@link UnixSocketFactory}. */
    public String jdbcUrl() {
        String h = isUnixSocket() ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + UrlText.encode(database);
    }

    public Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        if (isUnixSocket()) {
            p.setProperty("socketFactory", UnixSocketFactory.class.getName());
            p.setProperty("socketFactoryArg", socketFile().toString());
            p.setProperty("sslmode", "disable"); // libpq never uses SSL on a Unix socket
            p.setProperty("gssEncMode", "disable");
        } else if (sslMode != null) {
            p.setProperty("sslmode", sslMode);
        }
        p.setProperty("ApplicationName", applicationName == null ? "emaj-shell" : applicationName);
        options.forEach((key, value) -> {
            switch (key) {
                case "connect_timeout" -> p.setProperty("connectTimeout", value);
                case "sslrootcert", "sslcert", "sslkey" -> p.setProperty(key, value);
                case "options" -> p.setProperty("options", value);
                case "gssencmode" -> p.setProperty("gssEncMode", value);
                case "target_session_attrs" -> p.setProperty("targetServerType", switch (value) {
                    case "read-write", "primary" -> "primary";
                    case "read-only", "standby" -> "secondary";
                    case "prefer-standby" -> "preferSecondary";
                    default -> "any";
                });
                case "keepalives" -> p.setProperty("tcpKeepAlive", Boolean.toString(!value.equals("0")));
                default -> {
                    // client_encoding: pgjdbc always speaks UTF-8; the others are used while resolving
                }
            }
        });
        return p;
    }

    public ConnectionSettings withPassword(String newPassword, String source) {
        return new ConnectionSettings(host, port, user, database, newPassword, sslMode, applicationName, options,
            newPassword == null ? null : source);
    }

    public ConnectionSettings withPassword(String newPassword) {
        return withPassword(newPassword, "the prompt");
    }

    /** psql's \conninfo words: database "d" as user "u" via socket in "/tmp" at port "5432". */
    public String describe() {
        return "database \"" + database + "\" as user \"" + user + "\" "
            + (isUnixSocket() ? "via socket in \"" + host + "\"" : "on host \"" + host + "\"")
            + " at port \"" + port + "\"";
    }

    /** psql's connection variables: DBNAME, USER, HOST, PORT. */
    public Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("DBNAME", database);
        vars.put("USER", user);
        vars.put("HOST", host);
        vars.put("PORT", Integer.toString(port));
        return vars;
    }

    @Override
    public String toString() {
        return "host=" + host + " port=" + port + " user=" + user + " dbname=" + database
            + (password == null ? "" : " password=********");
    }
}
