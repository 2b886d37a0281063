package org.emajshell.testkit;

import org.emajshell.extension.EmajExtension;
import org.emajshell.extension.EmbeddedServer;
import org.emajshell.extension.ExtensionInstaller;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one PostgreSQL server of a test run: zonky's embedded server started on first use, or the
 * server that {@code EMAJ_TEST_URL} names (a JDBC URL of a superuser connection, for example
 * {@code jdbc:postgresql://localhost:5433/postgres?user=postgres}).
 */
public final class TestServer {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]*/)([^?]*)(.*)");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestServer instance;

    private final String urlPrefix;
    private final String urlSuffix;

    private TestServer(String adminUrl) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("EMAJ_TEST_URL must look like jdbc:postgresql://host:port/db?user=...: " + adminUrl);
        }
        this.urlPrefix = m.group(1);
        this.urlSuffix = m.group(3);
    }

    public static synchronized TestServer get() {
        if (instance == null) {
            String url = System.getenv("EMAJ_TEST_URL");
            if (url == null || url.isBlank()) {
                EmbeddedServer server = EmbeddedServer.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                url = server.jdbcUrl("postgres");
            }
            instance = new TestServer(url);
        }
        return instance;
    }

    public String url(String database) {
        return urlPrefix + database + urlSuffix;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    /** Creates a fresh database named after the test class, with emaj installed. */
    public String createEmajDatabase(String hint) throws SQLException {
        String name = ("t" + DATABASES.incrementAndGet() + "_" + hint.toLowerCase().replaceAll("[^a-z0-9]+", "_"));
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        try (Connection c = connect(name)) {
            ExtensionInstaller installer = new ExtensionInstaller(EmajExtension.bundled());
            if (ExtensionInstaller.isAvailable(c)) {
                installer.createExtension(c);
            } else {
                installer.installPlainScript(c);
            }
        }
        return name;
    }

    public void dropDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
