package org.emajshell.exec;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** SHOW CHANGES and SHOW ACTIVITY against a real server. */
class ChangeCommandsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static ShellHarness shell;

    @BeforeAll
    static void changes() throws Exception {
        db.execute("""
            CREATE SCHEMA shop;
            CREATE TABLE shop.product (id int PRIMARY KEY, name text NOT NULL, price numeric(6,2), category text);
            INSERT INTO shop.product VALUES (2, 'Sencha', 3.00, 'tea'), (7, 'Assam', 4.50, 'tea'),
              (9, 'Darjeeling', 3.20, 'tea'), (11, 'Mug', 8.00, 'misc');
            CREATE TABLE shop.orders (id int PRIMARY KEY, product int, qty int);
            INSERT INTO shop.orders VALUES (5, 11, 1);
            CREATE TABLE shop."Odd Name" ("Key" int PRIMARY KEY, "Price €" numeric);
            CREATE SEQUENCE shop.order_seq;
            CREATE SCHEMA act;
            CREATE TABLE act.busy (id int PRIMARY KEY);
            CREATE TABLE act.calm (id int PRIMARY KEY);
            CREATE SEQUENCE act.ids;
            SELECT nextval('act.ids');
            SELECT emaj.emaj_create_group('act');
            SELECT emaj.emaj_assign_tables('act', '.*', NULL, 'act');
            SELECT emaj.emaj_assign_sequence('act', 'ids', 'act');
            SELECT emaj.emaj_start_group('act', 'a1');
            INSERT INTO act.busy SELECT generate_series(1, 8);
            SELECT emaj.emaj_create_group('shop');
            SELECT emaj.emaj_assign_tables('shop', '.*', NULL, 'shop');
            SELECT emaj.emaj_assign_sequence('shop', 'order_seq', 'shop');
            SELECT emaj.emaj_start_group('shop', 'start');
            UPDATE shop.product SET price = price * 1.1 WHERE category = 'tea' AND id IN (7, 9);
            INSERT INTO shop.product VALUES (31, 'Oolong', 5.10, 'tea');
            DELETE FROM shop.product WHERE id = 2;
            SELECT emaj.emaj_set_mark_group('shop', 'm2');
            INSERT INTO shop.orders VALUES (1, 7, 2), (2, 9, 1);
            UPDATE shop.orders SET qty = 3 WHERE id = 1;
            UPDATE shop.orders SET qty = 2 WHERE id = 1;
            INSERT INTO shop.orders VALUES (3, 31, 1);
            DELETE FROM shop.orders WHERE id = 3;
            UPDATE shop.orders SET qty = 5 WHERE id = 2;
            UPDATE shop.orders SET qty = 1 WHERE id = 2;
            UPDATE shop.orders SET qty = 9 WHERE id = 5;
            UPDATE shop.orders SET qty = 1 WHERE id = 5;
            INSERT INTO shop."Odd Name" VALUES (1, 9.99);
            """);
        shell = new ShellHarness(db);
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    @Test
    void changesBetweenTwoMarksAsADiffPerTable() {
        ShellHarness.Output o = shell.run("SHOW CHANGES OF GROUP shop SINCE start UNTIL m2;");

        assertThat(o.err()).isEmpty();
        assertThat(o.out()).contains("shop.product - 2 updated, 1 inserted, 1 deleted\n")
            .containsPattern(" ~ \\|  7 \\| Assam +\\| 4\\.50 -> 4\\.95 \\| tea")
            .containsPattern(" \\+ \\| 31 \\| Oolong +\\| +5\\.10 \\| tea")
            .containsPattern(" - \\|  2 \\| Sencha +\\| +3\\.00 \\| tea")
            .contains("(4 changes in 1 table since 'start', ")
            .contains(", until 'm2', ")
            .doesNotContain("shop.orders");
    }

    @Test
    void everyChangeInOrderOrOneNetChangePerKey() {
        String all = shell.run("SHOW CHANGES OF GROUP shop ON TABLE shop.orders SINCE m2;").out();
        assertThat(all).contains("shop.orders - 6 updated, 3 inserted, 1 deleted")
            .containsPattern("~ \\|  1 \\| +7 \\| 3 -> 2");

        // 1 and 2 did not exist at m2, 3 came and went, 5 came back to its values.
        String full = shell.run("SHOW CHANGES OF GROUP shop ON orders SINCE m2 CONSOLIDATED;").out();
        assertThat(full).contains("shop.orders - 2 inserted\n")
            .containsPattern("\\+ \\|  1 \\| +7 \\| +2")
            .containsPattern("\\+ \\|  2 \\| +9 \\| +1")
            .doesNotContain("|  3 |").doesNotContain("|  5 |");

        String partial = shell.run("SHOW CHANGES OF GROUP shop ON orders SINCE m2 CONSOLIDATED PARTIAL;").out();
        assertThat(partial).contains("shop.orders - 2 inserted, 1 unchanged, 1 inserted then deleted")
            .containsPattern("= \\|  3 \\| ").containsPattern("= \\|  5 \\| ");
    }

    @Test
    void whereAndLimit() {
        String cheap = shell.run("SHOW CHANGES OF GROUP shop SINCE start UNTIL m2 WHERE price < 4;").out();
        assertThat(cheap).contains("1 updated, 1 deleted").contains("Darjeeling").doesNotContain("Assam");

        // Tables by schema and name: "Odd Name" (1 change) comes first.
        String two = shell.run("SHOW CHANGES OF GROUP shop SINCE start LIMIT 2;").out();
        assertThat(two).contains("(2 changes in 2 tables since 'start'").contains("LIMIT 2 reached")
            .contains("shop.Odd Name - 1 inserted").contains("shop.orders - ").doesNotContain("shop.product");
    }

    @Test
    void quotedNamesAndTheCurrentGroup() {
        String odd = shell.run("USE shop;\nSHOW CHANGES ON shop.\"Odd Name\" SINCE 'EMAJ_LAST_MARK';").out();
        assertThat(odd).contains("shop.Odd Name - 1 inserted").contains("Price €").contains("9.99");
    }

    @Test
    void programsGetOneRowPerChangedValue() {
        String csv = shell.run("\\pset format csv\nSHOW CHANGES OF GROUP shop SINCE start UNTIL m2 WHERE id = 7;").out();
        assertThat(csv).contains("shop.product,update,id=7,price,4.50,4.95");
    }

    @Test
    void mistakesGetAnswers() {
        assertThat(shell.run("SHOW CHANGES OF GROUP shop SINCE nope;").err())
            .contains("the mark \"nope\" does not exist for the group \"shop\"");
        assertThat(shell.run("SHOW CHANGES OF GROUP shop ON TABLE shop.missing SINCE start;").err())
            .contains("the table shop.missing is not in the group \"shop\"");
        assertThat(shell.run("SHOW CHANGES SINCE start;").err()).contains("no group is selected");
    }

    @Test
    void activitySinceTheLastMarkAndSinceThePreviousLook() {
        ShellHarness.Output o = shell.run("""
            SHOW ACTIVITY OF GROUP act;
            INSERT INTO act.busy SELECT generate_series(100, 104);
            SELECT nextval('act.ids'), nextval('act.ids');
            SELECT pg_sleep(0.1);
            SHOW ACTIVITY OF GROUP act;
            """);

        assertThat(o.err()).isEmpty();
        String second = o.out().substring(o.out().lastIndexOf("Logging:"));
        assertThat(o.out()).contains("again (or \\watch) for the changes since now");
        assertThat(second).containsPattern("Logging: 1 of [0-9]+ groups, 2 tables, 1 sequence at \\d\\d:\\d\\d:\\d\\d - 5 changes in the last")
            .containsPattern(" act +\\| a1 +\\| .* \\| +13 \\| .* \\| +5 \\| ")
            .containsPattern(" act\\.busy +\\| act +\\| +13 \\| .* \\| +5 \\| ")
            .containsPattern(" act\\.calm +\\| act +\\| +0 \\| .* \\| +0 \\| ")
            .containsPattern(" act\\.ids +\\| act +\\| +2 \\| .* \\| +2 \\| ");
    }
}
