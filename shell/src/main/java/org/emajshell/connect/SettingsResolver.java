package org.emajshell.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Resolves connection settings the way libpq does. Each setting comes from the first of:
 * <ol>
 *   <li>the command-line options (-h -p -U -d);</li>
 *   <li>the connection string (a postgresql:// URI or key=value conninfo, given as -d or as the
 *       first argument);</li>
 *   <li>the service named by {@code service=} or {@code PGSERVICE}, from {@code PGSERVICEFILE}
 *       (default {@code ~/.pg_service.conf}), then {@code pg_service.conf} in {@code PGSYSCONFDIR};</li>
 *   <li>the environment: PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSSLMODE PGAPPNAME
 *       PGCONNECT_TIMEOUT PGSSLROOTCERT PGOPTIONS PGTARGETSESSIONATTRS;</li>
 *   <li>the defaults: the local server's Unix socket when one is found in /var/run/postgresql or
 *       /tmp, else localhost; port 5432; the operating-system user; a database named after the user.</li>
 * </ol>
 * Hosts and ports may be lists, as in libpq ({@code host=h1,h2 port=5432,5433}, the same in a
 * URI's authority, PGHOST and PGPORT): the connection tries them in order.
 * Without a password so far, the password file ({@code passfile=}, {@code PGPASSFILE}, default
 * {@code ~/.pgpass}) is searched for the resolved host, port, database and user.
 */
public final class SettingsResolver {

    /** Where libpq builds commonly put the server's socket (Debian's, then the upstream default). */
    public static final List<Path> DEFAULT_SOCKET_DIRS = List.of(Path.of("/var/run/postgresql"), Path.of("/tmp"));

    private static final Path DEFAULT_SYSCONF_DIR = Path.of("/etc/postgresql-common");

    private final Function<String, String> env;
    private final Path home;
    private final List<Path> socketDirs;
    private final Consumer<String> warnings;

    /**
     * @param env        the environment (PG* variables, HOME)
     * @param home       the home directory for ~/.pgpass and ~/.pg_service.conf, or null for none
     * @param socketDirs where to look for a local server's socket when no host is given
     * @param warnings   where warnings go (a password file with too open permissions, ...)
     */
    public SettingsResolver(Function<String, String> env, Path home, List<Path> socketDirs, Consumer<String> warnings) {
        this.env = env;
        this.home = home;
        this.socketDirs = List.copyOf(socketDirs);
        this.warnings = warnings;
    }

    /** For tests: the home directory is $HOME of {@code env} (none without it), no socket search, no warnings. */
    public SettingsResolver(Function<String, String> env) {
        this(env, env.apply("HOME") == null ? null : Path.of(env.apply("HOME")), List.of(), w -> { });
    }

    /** The process's environment; the home directory is $HOME, else Java's user.home. */
    public static SettingsResolver fromSystem(Consumer<String> warnings) {
        String home = System.getenv("HOME");
        return new SettingsResolver(System::getenv, Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")),
            DEFAULT_SOCKET_DIRS, warnings);
    }

    public static SettingsResolver fromSystem() {
        return fromSystem(System.err::println);
    }

    public ConnectionSettings resolve(ConnectionRequest request) {
        Map<String, String> given = new HashMap<>();
        String cs = request.connectionString();
        String database = request.database();
        if (cs == null && database != null && Conninfo.isConnectionString(database)) {
            cs = database;
            database = null;
        }
        if (cs != null) {
            given.putAll(Conninfo.parse(cs));
        }
        put(given, "host", request.host());
        put(given, "port", request.port());
        put(given, "user", request.user());
        put(given, "dbname", database);

        String serviceName = first(given.get("service"), env.apply("PGSERVICE"));
        Map<String, String> service = serviceName == null ? Map.of() : service(serviceName);

        Map<String, String> all = new HashMap<>(service);
        all.putAll(given);
        fromEnv(all, "host", "PGHOST");
        fromEnv(all, "hostaddr", "PGHOSTADDR");
        fromEnv(all, "port", "PGPORT");
        fromEnv(all, "user", "PGUSER");
        fromEnv(all, "dbname", "PGDATABASE");
        fromEnv(all, "sslmode", "PGSSLMODE");
        fromEnv(all, "application_name", "PGAPPNAME");
        fromEnv(all, "connect_timeout", "PGCONNECT_TIMEOUT");
        fromEnv(all, "sslrootcert", "PGSSLROOTCERT");
        fromEnv(all, "options", "PGOPTIONS");
        fromEnv(all, "passfile", "PGPASSFILE");
        fromEnv(all, "target_session_attrs", "PGTARGETSESSIONATTRS");

        List<Endpoint> endpoints = HostList.parse(first(all.get("hostaddr"), all.get("host")), all.get("port"),
            this::defaultHost);
        if (all.containsKey("target_session_attrs")) {
            TargetSessionAttrs.parse(all.get("target_session_attrs")); // refused here, before any connection
        }
        String user = first(all.get("user"), System.getProperty("user.name"));
        String dbname = first(all.get("dbname"), user);

        String password = given.get("password");
        String passwordSource = password == null ? null : "the connection string";
        if (password == null && service.containsKey("password")) {
            password = service.get("password");
            passwordSource = "service \"" + serviceName + "\"";
        }
        if (password == null && !blank(env.apply("PGPASSWORD"))) {
            password = env.apply("PGPASSWORD");
            passwordSource = "PGPASSWORD";
        }
        if (password == null) {
            Path passFile = passFile(all.get("passfile"));
            password = passwordFromFile(passFile, all.get("host"), endpoints, dbname, user);
            passwordSource = password == null ? null : passFile.toString();
        }

        Map<String, String> options = new HashMap<>();
        for (String key : List.of("sslrootcert", "sslcert", "sslkey", "connect_timeout", "options", "target_session_attrs",
            "gssencmode", "keepalives")) {
            put(options, key, all.get(key));
        }
        String appName = first(all.get("application_name"), all.get("fallback_application_name"));
        return new ConnectionSettings(endpoints, user, dbname, password, all.get("sslmode"), appName, options,
            passwordSource);
    }

    private Map<String, String> service(String name) {
        List<Path> files = new ArrayList<>();
        String userFile = env.apply("PGSERVICEFILE");
        if (!blank(userFile)) {
            files.add(Path.of(userFile));
        } else if (home != null) {
            files.add(home.resolve(".pg_service.conf"));
        }
        String sysconf = env.apply("PGSYSCONFDIR");
        files.add((blank(sysconf) ? DEFAULT_SYSCONF_DIR : Path.of(sysconf)).resolve("pg_service.conf"));
        return ServiceFile.lookup(files, name).orElseThrow(() -> new IllegalArgumentException(
            "definition of service \"" + name + "\" not found (looked in " + files.stream()
                .map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("") + ")"));
    }

    private Path passFile(String configured) {
        if (!blank(configured)) {
            return Path.of(configured);
        }
        return home == null ? null : home.resolve(".pgpass");
    }

    /**
     * The password file's entry for the first endpoint that has one. libpq looks one up for each
     * host as it tries it; the driver takes one password for all, so the first found serves.
     * The name matched is the host as given (even when hostaddr gives the address), and a socket
     * in a default directory is also "localhost", as in libpq.
     */
    private String passwordFromFile(Path passFile, String givenHosts, List<Endpoint> endpoints, String dbname, String user) {
        String[] given = givenHosts == null ? new String[0] : givenHosts.split(",", -1);
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            List<String> names = new ArrayList<>();
            names.add(given.length == endpoints.size() && !given[i].isBlank() ? given[i].trim() : e.host());
            if (e.isUnixSocket() && DEFAULT_SOCKET_DIRS.contains(Path.of(e.host()))) {
                names.add("localhost");
            }
            String password = PassFile.lookup(passFile, names, e.port(), dbname, user, warnings);
            if (password != null) {
                return password;
            }
        }
        return null;
    }

    private String defaultHost(int port) {
        for (Path dir : socketDirs) {
            if (Files.exists(dir.resolve(".s.PGSQL." + port))) {
                return dir.toString();
            }
        }
        return "localhost";
    }

    private void fromEnv(Map<String, String> settings, String key, String variable) {
        if (blank(settings.get(key))) {
            put(settings, key, env.apply(variable));
        }
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (!blank(value)) {
            map.put(key, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v;
            }
        }
        return null;
    }
}
