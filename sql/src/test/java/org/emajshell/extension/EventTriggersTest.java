package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.errorOf;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;
import static org.emajshell.extension.CoreSupport.newSchema;

/** The DDL protection by event triggers (section b.8) and its enable / disable functions. */
class EventTriggersTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static String q(String sql) {
        return db.queryForString(sql);
    }

    @Test
    void theThreeEventTriggersAreInstalledAndTheProtectionOneOutlivesTheExtension() {
        assertThat(db.queryForList("SELECT evtname || ':' || evtevent FROM pg_event_trigger WHERE evtname LIKE 'emaj%' ORDER BY 1"))
            .containsExactly("emaj_protection_trg:sql_drop", "emaj_sql_drop_trg:sql_drop", "emaj_table_rewrite_trg:table_rewrite");
        if ("t".equals(q("SELECT inst_as_extension FROM emaj.emaj_install_conf"))) {
            assertThat(q("SELECT count(*) FROM pg_depend d JOIN pg_event_trigger e ON e.oid = d.objid"
                + " WHERE e.evtname = 'emaj_protection_trg' AND d.deptype = 'e'")).isEqualTo("0");
        }
    }

    @Test
    void droppingAnApplicationTableOfALoggingGroupIsBlocked() {
        int n = newLoggingGroup(db);
        assertThat(errorOf(db, "DROP TABLE s" + n + ".ord"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the application table \"s" + n + ".ord\". But it belongs to the active tables group \"g" + n + "\".");
        assertThat(errorOf(db, "DROP SCHEMA s" + n + " CASCADE"))
            .startsWith("E-Maj event trigger: Attempting to drop the application ");
        assertThat(errorOf(db, "DROP SEQUENCE s" + n + ".seq"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the application sequence \"s" + n + ".seq\". But it belongs to the active tables group \"g" + n + "\".");
        // an idle group does not block
        db.execute("SELECT emaj.emaj_stop_group('g" + n + "'); DROP TABLE s" + n + ".ord;");
        assertThat(q("SELECT to_regclass('s" + n + ".ord') IS NULL")).isEqualTo("t");
        // the damaged group can still be cleaned
        assertThat(q("SELECT emaj.emaj_remove_table('s" + n + "', 'ord')")).isEqualTo("1");
    }

    @Test
    void droppingEmajObjectsIsBlocked() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        assertThat(errorOf(db, "DROP TABLE emaj_" + s + ".cust_log"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the log table \"emaj_" + s + ".cust_log\". But it belongs to the tables group \"g" + n + "\".");
        assertThat(errorOf(db, "DROP SEQUENCE emaj_" + s + ".cust_log_seq"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the log sequence \"emaj_" + s + ".cust_log_seq\". But it belongs to the tables group \"g" + n + "\".");
        assertThat(errorOf(db, "DROP FUNCTION emaj_" + s + ".cust_log_fnct() CASCADE"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the log function \"emaj_" + s + ".cust_log_fnct()\". But it belongs to the tables group \"g" + n + "\".");
        assertThat(errorOf(db, "DROP TRIGGER emaj_log_trg_upd ON " + s + ".cust"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the E-Maj trigger \"emaj_log_trg_upd\" of the table \"" + s + ".cust\". But it belongs to the tables group \"g" + n + "\".");
        assertThat(errorOf(db, "DROP SCHEMA emaj_" + s + " CASCADE"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the E-Maj log schema \"emaj_" + s + "\". Use E-Maj functions to drop groups or remove tables.");
    }

    @Test
    void droppingThePrimaryKeyOfATableOfARollbackableGroupIsBlocked() {
        int n = newSchema(db);
        db.execute("CREATE TABLE s" + n + ".k (id int CONSTRAINT k_pk PRIMARY KEY, v int CONSTRAINT v_pos CHECK (v > 0));"
            + "SELECT emaj.emaj_create_group('g" + n + "'); SELECT emaj.emaj_assign_table('s" + n + "', 'k', 'g" + n + "');");
        assertThat(errorOf(db, "ALTER TABLE s" + n + ".k DROP CONSTRAINT k_pk"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the primary key \"k_pk\" of the application table \"s" + n + ".k\". But it belongs to the rollbackable tables group \"g" + n + "\".");
        db.execute("ALTER TABLE s" + n + ".k DROP CONSTRAINT v_pos");
    }

    @Test
    void tableRewritesOfGroupTablesAreBlockedButNotOtherAlters() {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        assertThat(errorOf(db, "ALTER TABLE " + s + ".cust ALTER COLUMN name TYPE varchar(10)"))
            .isEqualTo("E-Maj event trigger: Attempting to change the application table \"" + s + ".cust\" structure. But the table belongs to the tables group \"g" + n + "\".");
        assertThat(errorOf(db, "ALTER TABLE emaj_" + s + ".cust_log ALTER COLUMN name TYPE varchar(10)"))
            .isEqualTo("E-Maj event trigger: Attempting to change the log table \"emaj_" + s + ".cust_log\" structure. But the table belongs to the tables group \"g" + n + "\".");
        // a non rewriting change is accepted, then detected by the checks
        db.execute("ALTER TABLE " + s + ".cust ADD COLUMN extra int");
        assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()")).contains("Error: In table group \"g" + n
            + "\", the structure of the application table \"" + s + "\".\"cust\" is not coherent with its log table (\"emaj_" + s
            + "\".\"cust_log\").");
        // dropping the added column is the repair; dropping a logged column would break the log trigger
        db.execute("ALTER TABLE " + s + ".cust DROP COLUMN extra");
        assertThat(errorOf(db, "ALTER TABLE " + s + ".cust DROP COLUMN city"))
            .isEqualTo("E-Maj event trigger: Attempting to drop the column \"city\" of the application table \"" + s
                + ".cust\". But the table belongs to the active tables group \"g" + n + "\".");
        db.execute("SELECT emaj.emaj_stop_group('g" + n + "'); ALTER TABLE " + s + ".cust DROP COLUMN city;");
    }

    @Test
    void droppingTheExtensionOrItsSchemaIsBlocked() {
        assertThat(errorOf(db, "DROP EXTENSION emaj CASCADE"))
            .startsWith("E-Maj event trigger: Attempting to drop the emaj extension or schema. Please execute the emaj.emaj_drop_extension() function");
        assertThat(errorOf(db, "DROP SCHEMA emaj CASCADE"))
            .startsWith("E-Maj event trigger: Attempting to drop the emaj extension or schema.");
    }

    @Test
    void protectionCanBeDisabledAndEnabled() {
        int n = newLoggingGroup(db);
        assertThat(q("SELECT emaj.emaj_disable_protection_by_event_triggers()")).isEqualTo("2");
        assertThat(q("SELECT emaj.emaj_disable_protection_by_event_triggers()")).isEqualTo("0");
        assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()"))
            .contains("Warning: The E-Maj event trigger \"emaj_sql_drop_trg\" is disabled.",
                "Warning: The E-Maj event trigger \"emaj_table_rewrite_trg\" is disabled.");
        db.execute("BEGIN; DROP TABLE s" + n + ".ord; ROLLBACK;");
        assertThat(q("SELECT emaj.emaj_enable_protection_by_event_triggers()")).isEqualTo("2");
        assertThat(q("SELECT emaj.emaj_enable_protection_by_event_triggers()")).isEqualTo("0");
        assertThat(errorOf(db, "DROP TABLE s" + n + ".ord")).startsWith("E-Maj event trigger:");
        assertThat(db.queryForList("SELECT hist_function FROM emaj.emaj_hist WHERE hist_function LIKE '%PROTECTION' ORDER BY hist_id"))
            .contains("DISABLE_PROTECTION", "ENABLE_PROTECTION");
    }
}
