package org.emajshell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script mode as a CI job or a cron job meets it: the real program in a child process against a
 * real server. Each run checks several things, as each costs a JVM start.
 */
class ScriptModeTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void schema() {
        db.execute("""
            CREATE SCHEMA shop;
            CREATE TABLE shop.product (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2) NOT NULL);
            INSERT INTO shop.product VALUES (1, 'tea', 4.50), (2, 'coffee', 3.20), (3, 'cocoa', 2.80);
            SELECT emaj.emaj_create_group('shop', true, 'the shop');
            SELECT emaj.emaj_assign_tables('shop', '.*', NULL, 'shop');
            SELECT emaj.emaj_start_group('shop', 'start');
            """);
    }

    private ShellProcess.Outcome shell(List<String> args, String stdin, Map<String, String> env) throws Exception {
        List<String> all = new ArrayList<>(db.connectionArgs());
        all.add("-X");
        all.addAll(args);
        return ShellProcess.run(all, stdin, env);
    }

    private ShellProcess.Outcome shell(String... args) throws Exception {
        return shell(List.of(args), null, Map.of());
    }

    @Test
    void variablesIncludesEchoAndQuiet() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("scripts").resolve("lib"));
        Files.writeString(lib.resolve("mark.emaj"), """
            -- included with \\ir: found next to the including script, wherever the shell runs
            MARK GROUP shop :'mark' COMMENT :'why';
            SELECT count(*) AS products FROM :"schema".product;
            """);
        Path main = dir.resolve("scripts").resolve("main.emaj");
        Files.writeString(main, """
            \\set schema shop
            \\set why 'it''s nightly'
            \\echo marking :mark in :DBNAME
            \\ir lib/mark.emaj
            SELECT mark_comment FROM emaj.emaj_mark WHERE mark_name = :'mark';
            """);

        ShellProcess.Outcome outcome = shell("-v", "mark=nightly 1", "--echo", "-f", main.toString());

        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out())
            .contains("\\echo marking nightly 1 in " + db.name() + "\nmarking nightly 1 in " + db.name() + "\n")
            .contains("MARK GROUP shop 'nightly 1' COMMENT 'it''s nightly';\nMark 'nightly 1' set on group shop")
            .containsPattern("(?m)^ +3$")
            .contains(" it's nightly\n");

        ShellProcess.Outcome quiet = shell("-q", "-v", "mark=quiet one", "-f", main.toString());

        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("marking quiet one in").doesNotContain("Mark 'quiet one' set").contains("products");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'shop' ORDER BY mark_time_id"))
            .contains("nightly 1", "quiet one");
    }

    @Test
    void anErrorStopsTheRunWithItsFileAndLineUnlessToldToGoOn() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("broken.emaj"), """
            SELECT 'in the include';
            START GROUP no_such_group;
            """);
        Path main = dir.resolve("main.emaj");
        Files.writeString(main, """
            SELECT 'first';
            \\ir lib/broken.emaj
            SELECT 'after the include';
            SELEC 'typo';
            SELECT 'last';
            """);

        ShellProcess.Outcome stopped = shell("-f", main.toString());

        assertThat(stopped.exitCode()).isEqualTo(3);
        assertThat(stopped.err()).startsWith(lib.resolve("broken.emaj") + ":2: ERROR: The group \"no_such_group\" does not exist");
        assertThat(stopped.out()).contains("in the include").doesNotContain("after the include");

        ShellProcess.Outcome goingOn = shell("--continue-on-error", "-f", main.toString());

        assertThat(goingOn.exitCode()).isEqualTo(3);
        assertThat(goingOn.out()).contains("after the include").contains("last");
        assertThat(goingOn.err()).contains("broken.emaj:2: ERROR:").contains(main + ":4: ERROR: syntax error at line 4");
    }

    @Test
    void exitCodesAreThoseOfPsql() throws Exception {
        Path script = dir.resolve("quit.emaj");
        Files.writeString(script, "SELECT 'before';\n\\q\nSELECT 'after';\n");

        ShellProcess.Outcome quit = shell("-f", script.toString());
        assertThat(quit.exitCode()).isZero();
        assertThat(quit.out()).contains("before").doesNotContain("after");

        ShellProcess.Outcome missing = shell("-f", dir.resolve("nope.emaj").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.emaj: no such file");

        ShellProcess.Outcome badOption = ShellProcess.run(List.of("--frobnicate"));
        assertThat(badOption.exitCode()).isEqualTo(1);
        assertThat(badOption.err()).contains("Unknown option: '--frobnicate'");

        ShellProcess.Outcome lost = shell("--continue-on-error", "-c", "SELECT pg_terminate_backend(pg_backend_pid())",
            "-c", "SELECT 'not reached'");
        assertThat(lost.exitCode()).isEqualTo(2);
        assertThat(lost.out()).doesNotContain("not reached");

        ShellProcess.Outcome refused = ShellProcess.run(List.of("-X", "-h", "127.0.0.1", "-p", "1", "-U", "nobody", "-d", "x",
            "-c", "SELECT 1"));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("could not connect to database \"x\" as user \"nobody\" on host \"127.0.0.1\" at port \"1\"");
    }

    @Test
    void standardInputIsAScriptWhenItIsNotATerminal() throws Exception {
        ShellProcess.Outcome piped = shell(List.of(), """
            SELECT 'from' || ' stdin' AS source;
            \\set ON_ERROR_STOP off
            SELEC 'a typo';
            SHOW GROUPS;
            """, Map.of());

        assertThat(piped.exitCode()).isEqualTo(3);
        assertThat(piped.err()).contains("<stdin>:3: ERROR: syntax error");
        assertThat(piped.out()).contains("from stdin").contains("shop");

        ShellProcess.Outcome dash = shell(List.of("-c", "\\set who dash", "-f", "-"), "SELECT :'who' AS who;", Map.of());

        assertThat(dash.exitCode()).as(dash.err()).isZero();
        assertThat(dash.out()).contains(" dash\n");
    }

    @Test
    void singleTransactionIsAllOrNothing() throws Exception {
        Path failing = dir.resolve("failing.emaj");
        Files.writeString(failing, """
            CREATE TABLE public.made_in_tx (id int PRIMARY KEY);
            MARK GROUP shop 'tx mark';
            \\c postgres
            SELECT 1 / 0;
            """);

        ShellProcess.Outcome failed = shell("--single-transaction", "--continue-on-error", "-f", failing.toString());

        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.err()).contains("\\c cannot run inside --single-transaction").contains("division by zero")
            .contains("the whole run was rolled back");
        assertThat(db.queryForString("SELECT to_regclass('public.made_in_tx')::text")).isNull();
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark")).doesNotContain("tx mark");

        ShellProcess.Outcome ok = shell("-1", "-c", "CREATE TABLE public.made_in_tx (id int PRIMARY KEY)",
            "-c", "MARK GROUP shop 'tx mark'");

        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(db.queryForString("SELECT to_regclass('public.made_in_tx')::text")).isEqualTo("made_in_tx");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark")).contains("tx mark");
    }

    @Test
    void jsonOutputParsesBackWithOneObjectPerResult() throws Exception {
        db.execute("SELECT emaj.emaj_set_mark_group('shop', 'before json')");
        db.execute("UPDATE shop.product SET price = price + 1 WHERE id = 1");
        Path script = dir.resolve("report.emaj");
        Files.writeString(script, """
            SHOW GROUPS;
            SHOW STATS OF GROUP shop SINCE 'before json';
            START GROUP no_such_group;
            MARK GROUP shop 'after json';
            ROLLBACK GROUP shop TO MARK 'before json';
            SELECT id, name, price FROM shop.product ORDER BY id;
            """);

        ShellProcess.Outcome outcome = shell("--format", "json", "--continue-on-error", "--echo", "-f", script.toString());

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.err()).contains("SHOW GROUPS;").contains("does not exist");
        JsonNode results = JSON.readTree(outcome.out());
        assertThat(results).extracting(r -> r.get("command").asText())
            .containsExactly("SHOW GROUPS", "SHOW STATS", "START GROUP", "MARK", "ROLLBACK", "SQL");
        JsonNode groups = results.get(0);
        assertThat(groups.get("columns")).extracting(JsonNode::asText).contains("group", "type", "state");
        assertThat(groups.get("rows").get(0).get("group").asText()).isEqualTo("shop");
        JsonNode stats = results.get(1);
        JsonNode productStats = null;
        for (JsonNode row : stats.get("rows")) {
            productStats = row.toString().contains("product") ? row : productStats;
        }
        assertThat(productStats).as(stats.toString()).isNotNull();
        assertThat(results.get(2).get("error").asText()).contains("no_such_group");
        assertThat(results.get(3).get("messages").get(0).asText()).contains("Mark 'after json' set on group shop");
        assertThat(results.get(3).get("mark").asText()).isEqualTo("after json");
        assertThat(results.get(3).get("group").asText()).isEqualTo("shop");
        assertThat(results.get(3).get("tables").asInt()).isPositive();
        JsonNode rollback = results.get(4);
        assertThat(rollback.get("messages").toString()).contains("before json");
        // what a script needs from a rollback, field by field
        assertThat(rollback.get("group").asText()).isEqualTo("shop");
        assertThat(rollback.get("groups")).extracting(JsonNode::asText).containsExactly("shop");
        assertThat(rollback.get("mark").asText()).isEqualTo("before json");
        assertThat(rollback.get("logged").asBoolean()).isFalse();
        assertThat(rollback.get("rows").asLong()).isEqualTo(1);
        assertThat(rollback.get("tables").asLong()).isEqualTo(1);
        assertThat(rollback.get("tables_in_groups").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rollback.get("duration_ms").isIntegralNumber()).isTrue();
        assertThat(rollback.get("rollback_id").asLong())
            .isEqualTo(Long.parseLong(db.queryForString("SELECT max(rlbk_id) FROM emaj.emaj_rlbk")));
        JsonNode tea = results.get(5).get("rows").get(0);
        assertThat(tea.get("id").asInt()).isEqualTo(1);
        assertThat(tea.get("price").decimalValue()).isEqualByComparingTo("4.50");
    }

    @Test
    void csvAndMarkdownForEveryResult() throws Exception {
        ShellProcess.Outcome outcome = shell("--format", "csv", "-q", "-c", "SELECT id, name FROM shop.product WHERE id < 3 ORDER BY id",
            "-c", "SHOW MARKS OF GROUP shop", "-c", "\\pset format markdown", "-c", "SELECT id, name FROM shop.product WHERE id = 3");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).startsWith("id,name\n1,tea\n2,coffee\n").contains("\nmark,")
            .endsWith("| id | name |\n| ---: | --- |\n| 3 | cocoa |\n\n(1 row)\n\n");
    }

    @Test
    void theStartUpFileRunsFirstUnlessDashX() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".emajshellrc"), """
            \\set greeting 'hello from the rc file'
            \\pset format csv
            """);
        List<String> args = new ArrayList<>(db.connectionArgs());
        args.addAll(List.of("-c", "\\echo :greeting", "-c", "SELECT 1 AS one"));

        ShellProcess.Outcome withRc = ShellProcess.run(args, null, Map.of("HOME", home.toString(), "XDG_CONFIG_HOME",
            home.resolve("no-config").toString()));

        assertThat(withRc.exitCode()).as(withRc.err()).isZero();
        assertThat(withRc.out()).contains("hello from the rc file\n").contains("one\n1\n");

        Path xdg = Files.createDirectories(dir.resolve("xdg").resolve("emaj-shell"));
        Files.writeString(xdg.resolve("config"), "\\set greeting 'hello from XDG'\n");
        ShellProcess.Outcome withXdg = ShellProcess.run(args, null, Map.of("HOME", home.toString(), "XDG_CONFIG_HOME",
            dir.resolve("xdg").toString()));

        assertThat(withXdg.out()).contains("hello from XDG");

        args.add("-X");
        ShellProcess.Outcome without = ShellProcess.run(args, null, Map.of("HOME", home.toString()));

        assertThat(without.out()).contains(":greeting").contains("─");
    }

    @Test
    void colorOnColorsEvenAFileAndOffOrAutoLeaveColorsOut() throws Exception {
        db.execute("""
            CREATE SCHEMA paint;
            CREATE TABLE paint.wall (id int PRIMARY KEY, color text NOT NULL);
            INSERT INTO paint.wall VALUES (1, 'white');
            SELECT emaj.emaj_create_group('paint');
            SELECT emaj.emaj_assign_tables('paint', '.*', NULL, 'paint');
            SELECT emaj.emaj_start_group('paint', 'before');
            UPDATE paint.wall SET color = 'red';
            """);
        String show = "SHOW CHANGES OF GROUP paint SINCE before;";

        ShellProcess.Outcome outcome = shell("--continue-on-error",
            "-c", show, "-c", "\\echo ---on",
            "-c", "\\set COLOR on", "-c", show, "-c", "SELECT 1/0;", "-c", "\\echo ---off",
            "-c", "\\set COLOR off", "-c", show, "-c", "\\set COLOR purple", "-c", "\\echo COLOR is :COLOR");

        String[] parts = outcome.out().split("---on\n|---off\n");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).as("auto, into a file").contains("red").doesNotContain("\u001B[");
        assertThat(parts[1]).as("on").contains("red").contains("\u001B[");
        assertThat(parts[2]).as("off").contains("red").doesNotContain("\u001B[").contains("COLOR is off");
        assertThat(outcome.err()).contains("\u001B[").contains("division by zero")
            .contains("unrecognized value \"purple\" for \"COLOR\": on, off or auto");
    }
}
