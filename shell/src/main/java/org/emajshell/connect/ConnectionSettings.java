package org.emajshell.connect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where and as whom to connect, libpq-style. A host that starts with {@code /} is the directory of
 * the server's Unix socket ({@code <dir>/.s.PGSQL.<port>}). Several endpoints are tried in order,
 * as libpq tries {@code host=h1,h2}, until one fits {@code target_session_attrs}. The password is
 * never part of {@link #toString()}, of the URL or of {@link #describe()}.
 *
 * @param endpoints      the servers to try, in order (a Unix socket only alone)
 * @param options        more libpq keywords (sslrootcert, connect_timeout, options, ...)
 * @param passwordSource where the password came from, for messages ("PGPASSWORD", a file name,
 *                       "the connection string", "the prompt"), or null without a password
 */
public record ConnectionSettings(List<Endpoint> endpoints, String user, String database, String password,
                                 String sslMode, String applicationName, Map<String, String> options,
                                 String passwordSource) {

    public ConnectionSettings {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no host to connect to");
        }
        if (endpoints.size() > 1 && endpoints.stream().anyMatch(Endpoint::isUnixSocket)) {
            throw new IllegalArgumentException("a Unix-socket directory cannot be one of several hosts");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        options = Map.copyOf(options == null ? Map.of() : options);
    }

    public ConnectionSettings(String host, int port, String user, String database, String password,
                              String sslMode, String applicationName) {
        this(List.of(new Endpoint(host, port)), user, database, password, sslMode, applicationName, Map.of(),
            password == null ? null : "the settings");
    }

    /** The first host (after connecting: the one connected to). */
    public String host() {
        return endpoints.get(0).host();
    }

    /** The first port (after connecting: the one connected to). */
    public int port() {
        return endpoints.get(0).port();
    }

    /** True when the host is a Unix-socket directory (then it is the only one). */
    public boolean isUnixSocket() {
        return endpoints.get(0).isUnixSocket();
    }

    /** The socket file for a Unix-socket host. */
    public Path socketFile() {
        return endpoints.get(0).socketFile();
    }

    /** The JDBC URL, without credentials: every host, in order. A Unix socket goes through {@link UnixSocketFactory}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + endpoints.stream().map(Endpoint::urlPart).collect(Collectors.joining(","))
            + "/" + UrlText.encode(database);
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
                case "target_session_attrs" -> p.setProperty("targetServerType",
                    TargetSessionAttrs.parse(value).targetServerType());
                case "keepalives" -> p.setProperty("tcpKeepAlive", Boolean.toString(!value.equals("0")));
                default -> {
                    // client_encoding: pgjdbc always speaks UTF-8; the others are used while resolving
                }
            }
        });
        return p;
    }

    public ConnectionSettings withPassword(String newPassword, String source) {
        return new ConnectionSettings(endpoints, user, database, newPassword, sslMode, applicationName, options,
            newPassword == null ? null : source);
    }

    /**
     * These settings narrowed to the endpoint a connection reached: what \conninfo shows, and
     * where a later \c that names no host goes (the same server, not a new pick among the list).
     */
    public ConnectionSettings connectedTo(Endpoint endpoint) {
        return new ConnectionSettings(List.of(endpoint), user, database, password, sslMode, applicationName, options,
            passwordSource);
    }

    public ConnectionSettings withPassword(String newPassword) {
        return withPassword(newPassword, "the prompt");
    }

    /**
     * psql's \conninfo words: database "d" as user "u" via socket in "/tmp" at port "5432"; with
     * several hosts: database "d" as user "u" on hosts "h1:5432,h2:5433".
     */
    public String describe() {
        return "database \"" + database + "\" as user \"" + user + "\" "
            + (endpoints.size() > 1 ? "on hosts \"" + hostsText() + "\""
                : (isUnixSocket() ? "via socket in \"" : "on host \"") + host() + "\" at port \"" + port() + "\"");
    }

    /** The endpoints as host:port, comma-separated. */
    public String hostsText() {
        return endpoints.stream().map(Endpoint::toString).collect(Collectors.joining(","));
    }

    /** psql's connection variables: DBNAME, USER, HOST, PORT. */
    public Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("DBNAME", database);
        vars.put("USER", user);
        vars.put("HOST", host());
        vars.put("PORT", Integer.toString(port()));
        return vars;
    }

    @Override
    public String toString() {
        return "host=" + endpoints.stream().map(Endpoint::host).collect(Collectors.joining(","))
            + " port=" + endpoints.stream().map(e -> Integer.toString(e.port())).collect(Collectors.joining(",")) + " user=" + user + " dbname=" + database
            + (password == null ? "" : " password=********");
    }
}
