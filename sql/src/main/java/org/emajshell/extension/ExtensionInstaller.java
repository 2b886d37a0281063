package org.emajshell.extension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Installs our emaj extension: either its files into a server's extension directory (then
 * {@code CREATE EXTENSION emaj CASCADE}), or as a plain script into a database where no file can
 * be added (managed services).
 */
public final class ExtensionInstaller {

    private final EmajExtension extension;

    public ExtensionInstaller(EmajExtension extension) {
        this.extension = extension;
    }

    /** Copies the control and script files into {@code <sharedir>/extension}. */
    public void installFiles(Path shareDir) throws IOException {
        Path dir = shareDir.resolve("extension");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(extension.controlFileName()), extension.controlFile(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(extension.scriptFileName()), extension.script(), StandardCharsets.UTF_8);
    }

    /** The server's SHAREDIR, read through the pg_config view (superuser only). */
    public static Path shareDir(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")) {
            if (!rs.next()) {
                throw new SQLException("the server did not report its SHAREDIR");
            }
            return Path.of(rs.getString(1));
        }
    }

    /** Whether the server offers an emaj extension (in any version) to CREATE EXTENSION. */
    public static boolean isAvailable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'emaj'")) {
            return rs.next();
        }
    }

    public void createExtension(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE EXTENSION emaj CASCADE");
        }
    }

    /**
     * Runs the install script directly, in one transaction: the schema and the two required
     * extensions are created first, as CREATE EXTENSION would do.
     */
    public void installPlainScript(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS dblink");
            st.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            st.execute("CREATE SCHEMA emaj");
            st.execute(extension.script());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
