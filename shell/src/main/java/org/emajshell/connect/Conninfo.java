package org.emajshell.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libpq connection strings: {@code postgresql://} URIs and {@code key=value} lists, parsed into
 * libpq keywords. Error messages never quote a value (it could be a password).
 */
public final class Conninfo {

    /** The libpq keywords the shell understands; anything else is refused, as libpq does. */
    static final Set<String> KEYWORDS = Set.of("host", "hostaddr", "port", "dbname", "user", "password", "passfile",
        "service", "sslmode", "sslrootcert", "sslcert", "sslkey", "application_name", "fallback_application_name",
        "connect_timeout", "options", "target_session_attrs", "client_encoding", "gssencmode", "keepalives");

    /**
     * {@code password=value} of a key=value string (and {@code PGPASSWORD=value}); group 2 is the
     * value, quoted or not. Each pattern's group 1 is what comes before the secret, group 2 the
     * secret, its last group what follows it.
     */
    private static final Pattern PASSWORD_PAIR = Pattern.compile("(?i)((?<![?&])\\b(?:pg)?password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|\\S*)()");
    /**
     * The password of a URI's user info: {@code scheme://user:password@}. It stops at {@code /}
     * as libpq's URI parser does, so that an {@code @} further on (in a query value) is not taken
     * for the end of a password.
     */
    private static final Pattern URI_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^:/@\\s]*:)([^@/\\s]*)(@)");
    private static final Pattern URI_PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)([^&\\s]*)()");
    /** SQL's {@code [ENCRYPTED] PASSWORD 'secret'} (CREATE/ALTER ROLE), also E'...' and $$...$$. */
    private static final Pattern SQL_PASSWORD = Pattern.compile(
        "(?is)(\\bpassword\\s+(?:e'|')?)((?<=e')(?:[^'\\\\]|\\\\.|'')*|(?<=')(?:[^']|'')*|\\$([a-z_]*)\\$.*?\\$\\3\\$)(')?");

    private Conninfo() {
    }

    /** True for text that is a connection string rather than a plain database name. */
    public static boolean isConnectionString(String text) {
        return text.startsWith("postgresql://") || text.startsWith("postgres://") || text.contains("=");
    }

    /** Parses a postgresql:// URI or a key=value conninfo string into libpq keywords. */
    public static Map<String, String> parse(String text) {
        Map<String, String> map = text.startsWith("postgresql://") || text.startsWith("postgres://")
            ? parseUri(text) : parseKeyValues(text);
        for (String key : map.keySet()) {
            if (!KEYWORDS.contains(key)) {
                throw new IllegalArgumentException("invalid connection option \"" + key + "\"");
            }
        }
        return map;
    }

    /** Writes keywords back as a key=value string, quoting every value. */
    static String format(Map<String, String> keywords) {
        StringBuilder sb = new StringBuilder();
        keywords.forEach((key, value) -> {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(key).append("='").append(value.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        });
        return sb.toString();
    }

    /**
     * The text with every password replaced by {@code ********}: {@code password=...} pairs, the
     * password of a URI's user info or query, and SQL's {@code PASSWORD '...'}. For echoed
     * commands and messages.
     */
    public static String redact(String text) {
        return redact(text, false);
    }

    /**
     * The same, but each masked password keeps its width (one {@code *} a character), so that a
     * caret drawn under the text still points at the right line and column: for syntax errors.
     */
    public static String redactKeepingWidth(String text) {
        return redact(text, true);
    }

    /** True when the text holds a password that {@link #redact} would mask. */
    public static boolean holdsPassword(String text) {
        return !redact(text, true).equals(text);
    }

    private static String redact(String text, boolean keepWidth) {
        String out = text;
        for (Pattern p : List.of(URI_PASSWORD, URI_PASSWORD_PARAM, SQL_PASSWORD, PASSWORD_PAIR)) {
            out = p.matcher(out).replaceAll(m -> {
                String secret = m.group(2);
                if (secret.isEmpty() || secret.chars().allMatch(c -> c == '*' || c == '\n')) {
                    return Matcher.quoteReplacement(m.group(0)); // nothing to hide, or hidden already
                }
                // keeping the width keeps the line breaks too, so that line numbers stay right
                String mask = keepWidth ? secret.replaceAll("[^\n]", "*") : "********";
                String end = m.group(m.groupCount()) == null ? "" : m.group(m.groupCount());
                return Matcher.quoteReplacement(m.group(1) + mask + end);
            });
        }
        return out;
    }

    /**
     * postgresql://[user[:password]@][host][:port][,host[:port]...][/dbname][?key=value&...],
     * percent-encoded.
     */
    private static Map<String, String> parseUri(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        String rest = text.substring(text.indexOf("://") + 3);
        int query = rest.indexOf('?');
        String params = query < 0 ? null : rest.substring(query + 1);
        rest = query < 0 ? rest : rest.substring(0, query);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            putDecoded(map, "user", colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                putDecoded(map, "password", userInfo.substring(colon + 1));
            }
        }
        // host[:port] entries, comma-separated as libpq allows; a port left out stays empty (5432)
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String entry : authority.split(",", -1)) {
            String host = entry;
            String port = "";
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("invalid connection URI: missing ']' after an IPv6 address");
                }
                host = entry.substring(1, close);
                String after = entry.substring(close + 1);
                if (after.startsWith(":")) {
                    port = after.substring(1);
                } else if (!after.isEmpty()) {
                    throw new IllegalArgumentException("invalid connection URI: unexpected text after the IPv6 address");
                }
            } else {
                int colon = entry.lastIndexOf(':');
                if (colon >= 0) {
                    host = entry.substring(0, colon);
                    port = entry.substring(colon + 1);
                }
            }
            hosts.add(UrlText.decode(host));
            ports.add(UrlText.decode(port));
        }
        if (hosts.stream().anyMatch(host -> !host.isEmpty())) {
            map.put("host", String.join(",", hosts));
        }
        if (ports.stream().anyMatch(port -> !port.isEmpty())) {
            map.put("port", String.join(",", ports));
        }
        putDecoded(map, "dbname", path);
        if (params != null) {
            for (String pair : params.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                if (kv.length < 2) {
                    throw new IllegalArgumentException("invalid connection URI parameter \"" + UrlText.decode(kv[0])
                        + "\": expected key=value");
                }
                map.put(UrlText.decode(kv[0]), UrlText.decode(kv[1]));
            }
        }
        return map;
    }

    private static void putDecoded(Map<String, String> map, String key, String raw) {
        if (raw != null && !raw.isEmpty()) {
            map.put(key, UrlText.decode(raw));
        }
    }

    /** key=value pairs separated by whitespace; values may be 'single quoted' with \' and \\ escapes. */
    private static Map<String, String> parseKeyValues(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                throw new IllegalArgumentException("missing \"=\" after \"" + key + "\" in the connection string");
            }
            i++;
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
}
