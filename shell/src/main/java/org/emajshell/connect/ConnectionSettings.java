package org.emajshell.connect;

import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom to connect, libpq-style. The password is never part of
 * {@link #toString()} or of the URL.
 */
public record ConnectionSettings(String host, int port, String user, String database, String password,
                                 String sslMode, String applicationName) {

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port " + port);
        }
    }

    /** The JDBC URL, without credentials. */
    public String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + UrlText.encode(database);
    }

    public Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        if (sslMode != null) {
            p.setProperty("sslmode", sslMode);
        }
        p.setProperty("ApplicationName", applicationName == null ? "emaj-shell" : applicationName);
        return p;
    }

    public ConnectionSettings withPassword(String newPassword) {
        return new ConnectionSettings(host, port, user, database, newPassword, sslMode, applicationName);
    }

    @Override
    public String toString() {
        return "host=" + host + " port=" + port + " user=" + user + " dbname=" + database
            + (password == null ? "" : " password=********");
    }
}
