package org.emajshell.repl;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C in the real REPL: it cancels the running statement on the server (a rollback in the
 * middle of its work: the data stay as they were) and the shell goes on; a rollback shows a live
 * progress bar and a summary.
 */
class CancelAndProgressTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path dir;

    @BeforeAll
    static void schema() {
        // A rollback of "slow" takes 30 s: its trigger, kept enabled during rollbacks (ignored_triggers),
        // sleeps when it fires in a rollback (replica mode), never in ordinary writes.
        db.execute("""
            CREATE SCHEMA app;
            CREATE TABLE app.slow (id int PRIMARY KEY, v int NOT NULL);
            INSERT INTO app.slow SELECT g, 0 FROM generate_series(1, 2000) g;
            CREATE FUNCTION app.slow_down() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF current_setting('session_replication_role') = 'replica' THEN
                PERFORM pg_catalog.pg_sleep(30);
              END IF;
              RETURN NULL;
            END $$;
            CREATE TRIGGER slow_trg AFTER INSERT OR UPDATE OR DELETE ON app.slow
              FOR EACH STATEMENT EXECUTE FUNCTION app.slow_down();
            CREATE TABLE app.first (id int PRIMARY KEY, v int NOT NULL);
            INSERT INTO app.first SELECT g, 0 FROM generate_series(1, 100) g;
            CREATE FUNCTION app.a_second() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF current_setting('session_replication_role') = 'replica' THEN
                PERFORM pg_catalog.pg_sleep(1);
              END IF;
              RETURN NULL;
            END $$;
            CREATE TRIGGER second_trg AFTER DELETE ON app.first FOR EACH STATEMENT EXECUTE FUNCTION app.a_second();
            SELECT emaj.emaj_create_group('slow');
            SELECT emaj.emaj_assign_table('app', 'first', 'slow', '{"priority": 1, "ignored_triggers": "second_trg"}'::jsonb);
            SELECT emaj.emaj_assign_table('app', 'slow', 'slow', '{"priority": 2, "ignored_triggers": ["slow_trg"]}'::jsonb);
            SELECT emaj.emaj_start_group('slow', 'before');
            UPDATE app.slow SET v = id;
            UPDATE app.first SET v = id;
            CREATE TABLE app.quick (id int PRIMARY KEY, v int NOT NULL);
            INSERT INTO app.quick SELECT g, 0 FROM generate_series(1, 500) g;
            CREATE TRIGGER second_trg AFTER DELETE ON app.quick FOR EACH STATEMENT EXECUTE FUNCTION app.a_second();
            SELECT emaj.emaj_create_group('quick');
            SELECT emaj.emaj_assign_table('app', 'quick', 'quick', '{"ignored_triggers": "second_trg"}'::jsonb);
            SELECT emaj.emaj_start_group('quick', 'q0');
            UPDATE app.quick SET v = 1 WHERE id <= 50;
            """);
    }

    @Test
    void ctrlCCancelsALongRollbackLeavesTheDataAsTheyWereAndTheShellGoesOn() throws Exception {
        ReplSession repl = ReplSession.ansi(db, dir.resolve("history"), null).waitFor("=> ");
        repl.type("ROLLBACK GROUP slow TO 'before';\n");
        // The progress bar is drawn while the rollback runs, from emaj_rollback_activity() read on a
        // second connection: the first table is done, the second one takes long.
        repl.waitFor("1/2 tables");
        repl.type("\u0003");
        repl.waitFor("canceling statement due to user request");
        int mark = repl.mark();
        repl.type("SELECT count(*) AS changed FROM app.slow WHERE v <> 0;\n");
        String after = repl.waitSince(mark, "(1 row)");
        ReplSession.Screen screen = repl.finish();

        assertThat(after).contains("2000");
        assertThat(db.queryForString("SELECT count(*) FROM app.slow WHERE v = id")).isEqualTo("2000");
        assertThat(db.queryForString("SELECT count(*) FROM app.first WHERE v = id")).isEqualTo("100");
        assertThat(db.queryForList("SELECT mark_name FROM emaj.emaj_mark WHERE mark_group = 'slow'")).containsExactly("before");
        assertThat(db.queryForString("SELECT count(*) FROM emaj.emaj_rlbk WHERE 'slow' = ANY (rlbk_groups)"
            + " AND rlbk_status::text = 'COMMITTED'")).isEqualTo("0");
        assertThat(screen.text()).contains("ERROR");
    }

    @Test
    void aRollbackLongerThanAMomentEndsWithAFullBarAndASummary() throws Exception {
        ReplSession repl = ReplSession.ansi(db, dir.resolve("history"), null).waitFor("=> ");
        repl.type("ROLLBACK GROUP quick TO q0;\n");
        String shown = repl.waitSince(0, "Rolled back group quick");
        repl.finish();

        // The bar stays on the screen, full, above the summary.
        assertThat(shown).containsPattern("\\[█{30}\\] 100%  1/1 tables  \\d+\\.\\d\\d s *\\n")
            .contains("50 row changes undone").contains("1 / 1 tables");
        assertThat(db.queryForList("SELECT count(*) FROM app.quick WHERE v <> 0")).isEqualTo(List.of("0"));
    }
}
