package org.emajshell.repl;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tab in the real REPL, on an ANSI terminal over streams, against a real catalog: what is listed
 * in each context of the language.
 */
class CompletionReplTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path dir;

    private ReplSession repl;

    @BeforeAll
    static void catalog() {
        db.execute("""
            CREATE SCHEMA shop;
            CREATE TABLE shop.customer (id int PRIMARY KEY, name text);
            CREATE TABLE shop.orders (id int PRIMARY KEY, customer int);
            CREATE TABLE shop.audit_log (id int PRIMARY KEY, what text);
            CREATE SEQUENCE shop.order_seq;
            CREATE SCHEMA hr;
            CREATE TABLE hr.emp (id int PRIMARY KEY);
            CREATE TABLE hr."Mixed Case" (id int PRIMARY KEY);
            SELECT emaj.emaj_create_group('shop');
            SELECT emaj.emaj_assign_tables('shop', ARRAY['customer', 'orders'], 'shop');
            SELECT emaj.emaj_assign_sequence('shop', 'order_seq', 'shop');
            SELECT emaj.emaj_start_group('shop', 'start');
            SELECT emaj.emaj_set_mark_group('shop', 'before batch #42');
            SELECT emaj.emaj_create_group('Big Group');
            """);
    }

    @BeforeEach
    void start() throws Exception {
        repl = ReplSession.ansi(db, dir.resolve("history"), s -> s.useGroup("shop")).waitFor("=> ");
    }

    @AfterEach
    void stop() throws Exception {
        repl.finish();
    }

    /** Types the buffer and Tab, waits for {@code expected} in the list, clears the line; returns the list. */
    private String tab(String buffer, String expected) {
        int mark = repl.mark();
        repl.type(buffer + "\t");
        String shown = repl.waitSince(mark, expected, "possibilities?");
        if (shown.endsWith("possibilities?") || shown.contains("lines)?")) {
            repl.type("y"); // a short terminal asks first, as readline does
            shown = repl.waitSince(mark, expected);
        }
        repl.type("\u0005\u0015"); // Ctrl-E, Ctrl-U: the line is empty again
        return shown;
    }

    @Test
    void tabOnAnEmptyLineListsTheCommands() {
        String shown = tab("", "ROLLBACK");
        assertThat(shown).contains("E-Maj commands", "SHOW", "MARK", "ASSIGN", "SQL", "SELECT", "meta-commands", "\\watch",
            "\\pset");
    }

    @Test
    void keywordsFollowTheGrammarAndTheCaseTyped() {
        assertThat(tab("SHOW ", "GROUPS")).contains("MARKS", "CHANGES", "ACTIVITY", "ROLLBACKS").doesNotContain("SELECT");
        int mark = repl.mark();
        repl.type("sho\t");
        assertThat(repl.waitSince(mark, "show ")).contains("show ");
        repl.type("\u0015");
    }

    @Test
    void groupsAfterUse() {
        String shown = tab("USE ", "'Big Group'");
        assertThat(shown).contains("shop", "groups");
    }

    @Test
    void marksOfTheCurrentGroupOrOfTheGroupTheStatementNames() {
        String shown = tab("ROLLBACK TO ", "'before batch #42'");
        assertThat(shown).contains("start", "EMAJ_LAST_MARK", "marks of shop");
        // 'Big Group' has no mark: the only candidate is written at once.
        String other = tab("SHOW STATS OF GROUP 'Big Group' SINCE ", "SINCE 'EMAJ_LAST_MARK'");
        assertThat(other).doesNotContain("before batch");
    }

    @Test
    void tablesNotInAGroupAfterAssignAndThoseOfTheGroupAfterRemove() {
        String assign = tab("ASSIGN TABLE shop.", "audit_log");
        assertThat(assign).doesNotContain("customer").doesNotContain("order_seq");
        String hr = tab("ASSIGN TABLES hr.", "\"Mixed Case\"");
        assertThat(hr).contains("emp");
        String remove = tab("REMOVE TABLE shop.", "customer");
        assertThat(remove).contains("orders").doesNotContain("audit_log");
        String sequences = tab("REMOVE SEQUENCE shop.", "order_seq");
        assertThat(sequences).doesNotContain("customer");
        String changes = tab("SHOW CHANGES ON TABLE shop.", "orders");
        assertThat(changes).doesNotContain("audit_log");
    }

    @Test
    void schemasAndTableProperties() {
        assertThat(tab("ASSIGN TABLES IN SCHEMA ", "shop")).contains("hr");
        assertThat(tab("ASSIGN TABLE shop.audit_log WITH (", "priority")).contains("ignored_triggers", "log_data_tablespace");
    }

    @Test
    void fileNamesAfterBackslashIAndInTo() throws Exception {
        Files.writeString(dir.resolve("reset.emaj"), "SHOW GROUPS;");
        Files.createDirectory(dir.resolve("scripts"));
        String meta = tab("\\i " + dir + "/", "reset.emaj");
        assertThat(meta).contains("scripts/");
        String export = tab("EXPORT CONFIGURATION TO '" + dir + "/", "reset.emaj");
        assertThat(export).contains("scripts/");
    }

    @Test
    void metaCommandArgumentsAndHelpTopics() {
        assertThat(tab("\\pset format ", "markdown")).contains("aligned", "csv", "json", "expanded");
        assertThat(tab("\\x ", "auto")).contains("on", "off");
        assertThat(tab("HELP SHOW ", "CHANGES")).contains("GROUPS", "ACTIVITY");
    }

    @Test
    void theNamesAreReadAgainAfterEmajCommandsAndDdl() {
        tab("USE ", "'Big Group'");
        repl.type("CREATE GROUP fresh;\n").waitFor("fresh");
        repl.type("CREATE TABLE hr.newcomer (id int PRIMARY KEY);\n").waitFor("CREATE TABLE");
        assertThat(tab("USE ", "fresh")).contains("shop");
        assertThat(tab("ASSIGN TABLE hr.", "newcomer")).contains("emp");
    }
}
