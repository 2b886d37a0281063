package org.emajshell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every script of scripts/examples runs, as its header says, against a real database. */
class ExamplesTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static final Path EXAMPLES = Path.of("..", "scripts", "examples").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShellProcess.Outcome run(String script, String... args) throws Exception {
        List<String> all = new ArrayList<>(db.connectionArgs());
        all.add("-X");
        all.addAll(List.of(args));
        all.addAll(List.of("-f", EXAMPLES.resolve(script).toString()));
        return ShellProcess.run(all);
    }

    @Test
    void theExamplesRunAsTheirHeadersSay() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".emaj")))
                .as("every example is run below").containsExactlyInAnyOrder("reset.emaj", "nightly-audit.emaj", "incident.emaj");
        }
        db.execute("""
            CREATE SCHEMA shop;
            CREATE TABLE shop.product (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2) NOT NULL);
            CREATE TABLE shop.orders (id int PRIMARY KEY, product_id int NOT NULL REFERENCES shop.product, qty int NOT NULL);
            INSERT INTO shop.product VALUES (1, 'tea', 4.50), (2, 'coffee', 3.20);
            INSERT INTO shop.orders VALUES (10, 1, 2);
            SELECT emaj.emaj_create_group('shop', true, 'the shop');
            SELECT emaj.emaj_assign_tables('shop', '.*', NULL, 'shop');
            SELECT emaj.emaj_start_group('shop', 'baseline');
            """);
        String productsAtBaseline = db.queryForRows("SELECT * FROM shop.product ORDER BY id").toString();

        // A test run changes the data; reset.emaj puts it back.
        db.execute("""
            UPDATE shop.product SET price = 9.99 WHERE id = 1;
            INSERT INTO shop.product VALUES (3, 'cocoa', 2.80);
            DELETE FROM shop.orders;
            """);
        ShellProcess.Outcome reset = run("reset.emaj", "-v", "group=shop", "-v", "mark=baseline");

        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("Resetting group shop of database " + db.name() + " to mark baseline")
            .contains("Rolled back group shop to mark 'baseline'");
        assertThat(db.queryForRows("SELECT * FROM shop.product ORDER BY id").toString()).isEqualTo(productsAtBaseline);
        assertThat(db.queryForString("SELECT count(*) FROM shop.orders")).isEqualTo("1");

        // A day of activity; the nightly audit dumps it as JSON and sets the next mark.
        db.execute("""
            UPDATE shop.product SET price = 4.95 WHERE id = 1;
            INSERT INTO shop.orders VALUES (11, 2, 5);
            """);
        ShellProcess.Outcome audit = run("nightly-audit.emaj", "-q", "--format", "json", "-v", "group=shop");

        assertThat(audit.exitCode()).as(audit.err()).isZero();
        JsonNode results = JSON.readTree(audit.out());
        assertThat(results).extracting(r -> r.get("command").asText()).containsExactly("SHOW STATS", "SHOW CHANGES", "MARK");
        JsonNode changes = results.get(1).get("changes");
        assertThat(changes).hasSize(2);
        JsonNode priceChange = null;
        for (JsonNode change : changes) {
            priceChange = change.get("table").asText().equals("shop.product") ? change : priceChange;
        }
        assertThat(priceChange).as(changes.toString()).isNotNull();
        assertThat(priceChange.get("change").asText()).isEqualTo("update");
        assertThat(priceChange.get("old").get("price").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(priceChange.get("new").get("price").decimalValue()).isEqualByComparingTo("4.95");
        assertThat(results.get(2).get("messages").get(0).asText()).contains("Mark 'audit-");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'shop'"))
            .anyMatch(m -> m.startsWith("audit-"));

        // Bad data arrives; the incident script keeps the evidence and previews the repair.
        db.execute("UPDATE shop.product SET price = 0 WHERE id = 2");
        ShellProcess.Outcome incident = run("incident.emaj", "-v", "group=shop", "-v", "since=baseline");

        assertThat(incident.exitCode()).as(incident.err()).isZero();
        assertThat(incident.out()).contains("Incident on group shop")
            .contains("Preview only: nothing was changed.")
            .contains("To repair: ROLLBACK GROUP shop TO MARK baseline LOGGED;");
        assertThat(db.queryForString("SELECT price FROM shop.product WHERE id = 2")).isEqualTo("0.00");
        assertThat(db.queryForString("SELECT mark_is_rlbk_protected FROM emaj.emaj_mark WHERE mark_name = 'baseline'"))
            .isEqualTo("t");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'shop'"))
            .anyMatch(m -> m.startsWith("incident-"));
    }
}
