package org.emajshell.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves connection settings the way libpq does: command-line options first, then the
 * connection string, then the PG* environment variables, then the defaults (localhost:5432,
 * the operating-system user, a database named after the user).
 */
public final class SettingsResolver {

    private final Function<String, String> env;

    public SettingsResolver(Function<String, String> env) {
        this.env = env;
    }

    public static SettingsResolver fromSystem() {
        return new SettingsResolver(System::getenv);
    }

    public ConnectionSettings resolve(ConnectionRequest request) {
        Map<String, String> conn = new HashMap<>();
        String cs = request.connectionString();
        if (cs == null && request.database() != null && looksLikeConnectionString(request.database())) {
            cs = request.database();
            request = new ConnectionRequest(request.host(), request.port(), request.user(), null, cs);
        }
        if (cs != null) {
            conn.putAll(parse(cs));
        }
        String user = first(request.user(), conn.get("user"), env.apply("PGUSER"), System.getProperty("user.name"));
        String host = first(request.host(), conn.get("host"), env.apply("PGHOST"), "localhost");
        String portText = first(request.port() == null ? null : request.port().toString(), conn.get("port"),
            env.apply("PGPORT"), "5432");
        String database = first(request.database(), conn.get("dbname"), env.apply("PGDATABASE"), user);
        String password = first(conn.get("password"), env.apply("PGPASSWORD"));
        String sslMode = first(conn.get("sslmode"), env.apply("PGSSLMODE"));
        String appName = first(conn.get("application_name"), env.apply("PGAPPNAME"));
        if (host.startsWith("/")) {
            throw new IllegalArgumentException("Unix-socket hosts (" + host + ") are not supported yet: use -h localhost"
                + " (or the server's address) instead");
        }
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port \"" + portText + "\": give a number such as 5432");
        }
        return new ConnectionSettings(host, port, user, database, password, sslMode, appName);
    }

    static boolean looksLikeConnectionString(String text) {
        return text.startsWith("postgresql://") || text.startsWith("postgres://") || text.contains("=");
    }

    /** Parses a postgresql:// URI or a key=value conninfo string into libpq keywords. */
    static Map<String, String> parse(String text) {
        if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
            return parseUri(text);
        }
        return parseConninfo(text);
    }

    private static Map<String, String> parseUri(String text) {
        Map<String, String> map = new HashMap<>();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid connection URI: " + e.getMessage());
        }
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            map.put("user", UrlText.decode(parts[0]));
            if (parts.length > 1) {
                map.put("password", UrlText.decode(parts[1]));
            }
        }
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
            map.put("host", uri.getHost().replaceAll("^\\[|]$", ""));
        }
        if (uri.getPort() > 0) {
            map.put("port", Integer.toString(uri.getPort()));
        }
        String path = uri.getRawPath();
        if (path != null && path.length() > 1) {
            map.put("dbname", UrlText.decode(path.substring(1)));
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                map.put(UrlText.decode(kv[0]), kv.length > 1 ? UrlText.decode(kv[1]) : "");
            }
        }
        return map;
    }

    private static Map<String, String> parseConninfo(String text) {
        Map<String, String> map = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("invalid connection string near \"" + text.substring(i)
                    + "\": expected key=value");
            }
            String key = text.substring(i, eq).trim();
            i = eq + 1;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                while (i < n && text.charAt(i) != '\'') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated quoted value for \"" + key + "\" in the connection string");
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
            }
            map.put(key, value.toString());
        }
        return map;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isEmpty())) {
                return v;
            }
        }
        return null;
    }
}
