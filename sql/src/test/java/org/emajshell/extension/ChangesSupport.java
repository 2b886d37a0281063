package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.emajshell.testkit.TestServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Helpers of the changes, replay, dump, snapshot and configuration tests. */
final class ChangesSupport {

    private static final AtomicInteger COPIES = new AtomicInteger();

    private ChangesSupport() {
    }

    /** A SQL identifier, quoted. */
    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A SQL string literal. */
    static String lit(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A text[] literal of plain SQL strings. */
    static String array(String... values) {
        return "ARRAY[" + String.join(", ", Stream.of(values).map(ChangesSupport::lit).toList()) + "]::text[]";
    }

    /** A directory the server (another OS user) can write into. */
    static Path serverDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message of the SQL error a statement raises (fails when it raises none). */
    static String error(EmajDatabase db, String sql) {
        try (Statement st = db.connection().createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error raised by: " + sql);
    }

    /** The warnings a query raises (its result is ignored). */
    static List<String> warnings(EmajDatabase db, String sql) throws SQLException {
        List<String> messages = new ArrayList<>();
        try (Statement st = db.connection().createStatement()) {
            st.execute(sql);
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getMessage());
            }
        }
        return messages;
    }

    /** The replay script built by the last emaj_gen_sql_group(s) call with a NULL location. */
    static String script(EmajDatabase db) {
        return String.join("\n", db.queryForList("SELECT scr_sql FROM emaj_sql_script")) + "\n";
    }

    /**
     * The content of every table (rows as text, sorted) and the state of every sequence of a
     * schema, keyed by relation name.
     */
    static Map<String, String> snapshot(Connection c, String schema) throws SQLException {
        Map<String, String> snap = new LinkedHashMap<>();
        List<String[]> rels = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname, relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                 + " WHERE nspname = " + lit(schema) + " AND relkind IN ('r', 'S') ORDER BY relname")) {
            while (rs.next()) {
                rels.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] rel : rels) {
            String name = q(schema) + "." + q(rel[0]);
            String sql = rel[1].equals("r")
                ? "SELECT coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '') FROM " + name + " x"
                : "SELECT s.last_value || ':' || s.is_called || ':' || p.increment_by || ':' || p.min_value || ':' || p.max_value"
                    + " || ':' || p.cache_size || ':' || p.cycle FROM " + name + " s, pg_sequences p WHERE p.schemaname = "
                    + lit(schema) + " AND p.sequencename = " + lit(rel[0]);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                snap.put(rel[0], rs.getString(1));
            }
        }
        return snap;
    }

    static Map<String, String> snapshot(EmajDatabase db, String schema) {
        try {
            return snapshot(db.connection(), schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain database (without emaj) of the test server; drop it with {@link #dropCopy}. */
    static Connection newPlainDatabase(String hint) throws SQLException {
        String name = "chg_copy_" + COPIES.incrementAndGet() + "_" + hint + "_" + ProcessHandle.current().pid();
        try (Connection c = TestServer.get().connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        return TestServer.get().connect(name);
    }

    static void dropCopy(Connection copy) throws SQLException {
        String name = copy.getCatalog();
        copy.close();
        TestServer.get().dropDatabase(name);
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Copies the content of every table (non generated columns) and the state of every sequence
     * of a schema into the same (already created, empty) schema of another database.
     */
    static void copyContent(Connection from, Connection to, String schema) throws SQLException, IOException {
        CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
        CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
        List<String[]> rels = new ArrayList<>();
        try (Statement st = from.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.relname, c.relkind, (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)"
                 + " FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped AND attgenerated = '')"
                 + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                 + " WHERE nspname = " + lit(schema) + " AND relkind IN ('r', 'S') ORDER BY relname")) {
            while (rs.next()) {
                rels.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        execute(to, "SET session_replication_role = replica");
        for (String[] rel : rels) {
            String name = q(schema) + "." + q(rel[0]);
            if (rel[1].equals("r")) {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                out.copyOut("COPY " + name + " (" + rel[2] + ") TO STDOUT", data);
                in.copyIn("COPY " + name + " (" + rel[2] + ") FROM STDIN", new ByteArrayInputStream(data.toByteArray()));
            } else {
                try (Statement st = from.createStatement();
                     ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + name)) {
                    rs.next();
                    execute(to, "SELECT setval(" + lit(name) + ", " + rs.getLong(1) + ", " + rs.getBoolean(2) + ")");
                }
            }
        }
        execute(to, "SET session_replication_role = origin");
    }
}
