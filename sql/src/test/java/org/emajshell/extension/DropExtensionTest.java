package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;

/** A clean instance says "No error detected", and emaj_drop_extension removes everything (a.10). */
class DropExtensionTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @Test
    void cleanInstanceThenFullUninstall() {
        db.execute("SELECT emaj.emaj_set_param('dblink_user_password', 'user=x')");
        int n = newLoggingGroup(db);
        assertThat(db.queryForList("SELECT * FROM emaj.emaj_verify_all()")).containsExactly("No error detected");
        db.execute("INSERT INTO s" + n + ".cust VALUES (1, 'a', 'b')");

        db.execute("SELECT emaj.emaj_drop_extension()");

        assertThat(db.queryForString("SELECT count(*) FROM pg_namespace WHERE nspname IN ('emaj', 'emaj_s" + n + "')")).isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM pg_extension WHERE extname = 'emaj'")).isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM pg_event_trigger WHERE evtname LIKE 'emaj%'")).isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM pg_proc WHERE proname = '_emaj_protection_event_trigger_fnct'")).isEqualTo("0");
        assertThat(db.queryForString("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'emaj%'")).isEqualTo("0");
        // the application data stay, without logging
        db.execute("INSERT INTO s" + n + ".cust VALUES (2, 'c', 'd')");
        assertThat(db.queryForString("SELECT count(*) FROM s" + n + ".cust")).isEqualTo("2");
    }
}
