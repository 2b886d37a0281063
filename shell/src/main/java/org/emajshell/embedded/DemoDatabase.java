package org.emajshell.embedded;

import org.emajshell.emaj.EmajClient;
import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.Relations;
import org.emajshell.extension.EmbeddedServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The newcomer's sandbox behind {@code emaj-shell --demo}: a throw-away local server, a database
 * "demo" with a small shop schema, and a group "shop" logging since the mark 'start'.
 */
public final class DemoDatabase implements AutoCloseable {

    public static final String DATABASE = "demo";
    public static final String GROUP = "shop";

    private final EmbeddedServer server;

    private DemoDatabase(EmbeddedServer server) {
        this.server = server;
    }

    public static DemoDatabase start() throws SQLException, EmajError {
        EmbeddedServer server = EmbeddedServer.start();
        try {
            server.createEmajDatabase(DATABASE);
            try (Connection c = server.connect(DATABASE)) {
                run(c, "shop-schema.sql");
                EmajClient emaj = new EmajClient(c);
                emaj.createGroup(GROUP, true, "demo group");
                emaj.assignRelations(Relations.matching(Relations.Kind.TABLES, "shop", ".*", null), GROUP, null, null);
                emaj.assignRelations(Relations.listed(Relations.Kind.SEQUENCES, "shop", List.of("order_number_seq")),
                    GROUP, null, null);
                emaj.startGroups(List.of(GROUP), "start", true);
                run(c, "shop-activity.sql");
            }
            return new DemoDatabase(server);
        } catch (SQLException | EmajError | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void run(Connection c, String resource) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(read(resource));
        }
    }

    private static String read(String resource) {
        try (InputStream in = DemoDatabase.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return server.jdbcUrl(DATABASE);
    }

    public int port() {
        return server.port();
    }

    public String banner() {
        return "Demo data: schema shop (customer, orders, product), group \"" + GROUP
            + "\" logging since mark 'start'.";
    }

    @Override
    public void close() {
        server.close();
    }
}
