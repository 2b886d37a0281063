import org.emajshell.emaj.CatalogNames;
import org.emajshell.extension.EmbeddedServer;
import org.emajshell.repl.ShellCompleter;
import org.jline.reader.Candidate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency of a completion request (what one Tab costs: the grammar's walk at the cursor, the
 * catalog cache lookups, the filtering) on a database with many tables. Run by
 * scripts/bench/completion/run; prints p50 / p90 / p99 / max per context and overall.
 *
 * Arguments: [tables] [measured requests per context]. EMAJ_BENCH_URL (a superuser JDBC URL of a
 * server with the emaj extension files) or, by default, an embedded server.
 */
public class CompletionBench {

    record Context(String name, String buffer) {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String url = System.getenv("EMAJ_BENCH_URL");
        EmbeddedServer server = null;
        String database = "emaj_bench_completion";
        String jdbc;
        if (url == null || url.isBlank()) {
            System.out.println("starting an embedded PostgreSQL server...");
            server = EmbeddedServer.start();
            server.createEmajDatabase(database);
            jdbc = server.jdbcUrl(database);
        } else {
            try (Connection admin = DriverManager.getConnection(url); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + database);
            }
            jdbc = url.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
            try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION emaj CASCADE");
            }
        }
        try (Connection c = DriverManager.getConnection(jdbc)) {
            long t0 = System.nanoTime();
            populate(c, tables);
            System.out.printf(Locale.ROOT, "catalog: %d tables in 20 schemas (half in schema big), 300 of them in"
                + " group g1 with 40 marks, 20 groups; built in %.1f s%n", tables, (System.nanoTime() - t0) / 1e9);
            run(c, measured);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void populate(Connection c, int tables) throws Exception {
        try (Statement st = c.createStatement()) {
            int big = tables / 2;
            int perSchema = (tables - big) / 19;
            st.execute("CREATE SCHEMA big");
            st.execute("DO $$ BEGIN FOR i IN 1.." + big + " LOOP"
                + " EXECUTE format('CREATE TABLE big.%I (id int PRIMARY KEY, v text)', 'table_' || lpad(i::text, 5, '0'));"
                + " END LOOP; END $$");
            st.execute("DO $$ BEGIN FOR s IN 1..19 LOOP"
                + " EXECUTE format('CREATE SCHEMA %I', 's' || lpad(s::text, 2, '0'));"
                + " FOR i IN 1.." + perSchema + " LOOP"
                + " EXECUTE format('CREATE TABLE %I.%I (id int PRIMARY KEY)', 's' || lpad(s::text, 2, '0'), 'orders_' || i);"
                + " END LOOP; END LOOP; END $$");
            st.execute("SELECT emaj.emaj_create_group('g1')");
            st.execute("SELECT emaj.emaj_assign_tables('s01', 'orders_[0-9]+$', NULL, 'g1')");
            st.execute("SELECT emaj.emaj_assign_tables('s02', 'orders_[0-9]$|orders_[0-9][0-9]$', NULL, 'g1')");
            st.execute("SELECT emaj.emaj_start_group('g1', 'm0')");
            for (int m = 1; m < 40; m++) {
                st.execute("SELECT emaj.emaj_set_mark_group('g1', 'mark " + m + "')");
            }
            for (int g = 2; g <= 20; g++) {
                st.execute("SELECT emaj.emaj_create_group('group_" + g + "')");
            }
        }
    }

    private static void run(Connection c, int measured) {
        CatalogNames names = new CatalogNames(() -> c);
        ShellCompleter completer = new ShellCompleter(names, () -> "g1", () -> Path.of("."));
        List<Context> contexts = List.of(
            new Context("empty line", ""),
            new Context("first word", "SH"),
            new Context("keyword", "SHOW "),
            new Context("group", "USE "),
            new Context("mark", "ROLLBACK TO "),
            new Context("mark of a group", "SHOW STATS OF GROUP g1 SINCE 'mark 1"),
            new Context("schema", "ASSIGN TABLES IN SCHEMA "),
            new Context("relation, no schema", "ASSIGN TABLE "),
            new Context("5,000 tables of big", "ASSIGN TABLE big."),
            new Context("tables of big, prefix", "ASSIGN TABLE big.table_012"),
            new Context("tables of the group", "REMOVE TABLE s01."),
            new Context("SHOW CHANGES ON", "SHOW CHANGES ON TABLE s02.ord"),
            new Context("property", "ASSIGN TABLE big.table_00001 WITH ("),
            new Context("long statement", "SELECT a, b, c FROM x JOIN y USING (id) WHERE a > 1 AND b < 2; ROLLBACK GROUPS g1 TO "));

        long t0 = System.nanoTime();
        int coldCount = completer.candidates("ASSIGN TABLE big.", 17).size();
        double cold = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "first request (reads the catalog: %d candidates): %.1f ms%n", coldCount, cold);

        for (int i = 0; i < 300; i++) { // warm-up: JIT
            for (Context ctx : contexts) {
                completer.candidates(ctx.buffer(), ctx.buffer().length());
            }
        }
        List<Long> all = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-24s %10s %9s %9s %9s %9s%n", "context", "candidates", "p50 ms", "p90 ms",
            "p99 ms", "max ms");
        for (Context ctx : contexts) {
            long[] times = new long[measured];
            int count = 0;
            for (int i = 0; i < measured; i++) {
                long start = System.nanoTime();
                List<Candidate> candidates = completer.candidates(ctx.buffer(), ctx.buffer().length());
                times[i] = System.nanoTime() - start;
                count = candidates.size();
            }
            Arrays.sort(times);
            for (long t : times) {
                all.add(t);
            }
            System.out.printf(Locale.ROOT, "%-24s %10d %9.3f %9.3f %9.3f %9.3f%n", ctx.name(), count, ms(times, 0.50),
                ms(times, 0.90), ms(times, 0.99), times[times.length - 1] / 1e6);
        }
        long[] every = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-24s %10s %9.3f %9.3f %9.3f %9.3f%n", "all requests", every.length + " req",
            ms(every, 0.50), ms(every, 0.90), ms(every, 0.99), every[every.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "goal: p99 < 30 ms after warm-up: %s%n", ms(every, 0.99) < 30 ? "met" : "NOT met");
    }

    private static double ms(long[] sorted, double quantile) {
        int at = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, at)] / 1e6;
    }
}
