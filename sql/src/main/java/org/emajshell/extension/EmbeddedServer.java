package org.emajshell.extension;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away PostgreSQL server (zonky's embedded binaries) with our emaj extension files
 * installed, for the tests and for {@code emaj-shell --demo}. It needs nothing installed by hand;
 * as root it runs the server inside {@code unshare -U}.
 */
public final class EmbeddedServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_prepared_transactions", "10")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
            EmbeddedServer server = new EmbeddedServer(postgres);
            server.installExtensionFiles();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not install the emaj extension files: " + e.getMessage(), e);
        }
    }

    private void installExtensionFiles() throws SQLException, IOException {
        try (Connection c = connect("postgres")) {
            new ExtensionInstaller(EmajExtension.bundled()).installFiles(ExtensionInstaller.shareDir(c));
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=" + SUPERUSER;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    /** Creates a database with the emaj extension installed. */
    public void createEmajDatabase(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + quoteIdent(database));
        }
        try (Connection c = connect(database)) {
            new ExtensionInstaller(EmajExtension.bundled()).createExtension(c);
        }
    }

    static String quoteIdent(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
