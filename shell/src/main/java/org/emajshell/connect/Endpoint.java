package org.emajshell.connect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One server to try: a host name or address, or (starting with {@code /}) the directory of the
 * server's Unix socket, and a port.
 */
public record Endpoint(String host, int port) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port " + port);
        }
    }

    /** True when the host is a Unix-socket directory. */
    public boolean isUnixSocket() {
        return host.startsWith("/");
    }

    /** The socket file for a Unix-socket host: {@code <dir>/.s.PGSQL.<port>}. */
    public Path socketFile() {
        return Path.of(host, ".s.PGSQL." + port);
    }

    /** host:port as a JDBC URL writes it (an IPv6 address in brackets). */
    String urlPart() {
        String h = isUnixSocket() ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return h + ":" + port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
