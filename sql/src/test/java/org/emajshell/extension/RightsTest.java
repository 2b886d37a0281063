package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.CoreSupport.errorOf;
import static org.emajshell.extension.CoreSupport.newLoggingGroup;

/** Roles emaj_adm and emaj_viewer, SECURITY DEFINER functions, nothing left to PUBLIC (section b.7). */
class RightsTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    private static final String SUFFIX = Long.toString(ProcessHandle.current().pid()) + "_" + System.nanoTime() % 100000;
    private static final String ADM = "core_adm_" + SUFFIX;
    private static final String VIEWER = "core_viewer_" + SUFFIX;
    private static final String NOBODY = "core_nobody_" + SUFFIX;

    @BeforeAll
    static void roles() {
        db.execute("CREATE ROLE " + ADM + " LOGIN; GRANT emaj_adm TO " + ADM + ";"
            + "CREATE ROLE " + VIEWER + " LOGIN; GRANT emaj_viewer TO " + VIEWER + ";"
            + "CREATE ROLE " + NOBODY + " LOGIN;");
    }

    @AfterAll
    static void dropRoles() {
        db.execute("DROP OWNED BY " + ADM + ", " + VIEWER + ", " + NOBODY + "; DROP ROLE " + ADM + ", " + VIEWER + ", " + NOBODY + ";");
    }

    private static String as(Connection c, String role, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("SET ROLE " + role);
            try (ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            } finally {
                st.execute("RESET ROLE");
            }
        }
    }

    private static String errorAs(Connection c, String role, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("SET ROLE " + role);
        }
        try {
            return errorOf(c, sql);
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("RESET ROLE");
            }
        }
    }

    @Test
    void rolesExistAsNologinRoles() {
        assertThat(db.queryForList("SELECT rolname || ':' || rolcanlogin FROM pg_roles WHERE rolname IN ('emaj_adm', 'emaj_viewer') ORDER BY 1"))
            .containsExactly("emaj_adm:false", "emaj_viewer:false");
    }

    @Test
    void noFunctionKeepsItsDefaultPublicRight() {
        assertThat(db.queryForList("SELECT p.oid::regprocedure::text FROM pg_proc p"
            + " WHERE (p.pronamespace = 'emaj'::regnamespace OR p.proname = '_emaj_protection_event_trigger_fnct')"
            + "   AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0))")).isEmpty();
        assertThat(db.queryForList("SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'emaj'::regnamespace AND c.relkind IN ('r', 'v', 'S', 'p')"
            + "   AND (c.relacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(c.relacl) a WHERE a.grantee = 0))")).isEmpty();
    }

    @Test
    void securityDefinerFunctionsPinTheirSearchPath() {
        assertThat(db.queryForList("SELECT p.oid::regprocedure::text FROM pg_proc p"
            + " WHERE (p.pronamespace = 'emaj'::regnamespace OR p.proname = '_emaj_protection_event_trigger_fnct') AND p.prosecdef"
            + "   AND NOT coalesce(p.proconfig::text LIKE '%search_path=pg_catalog, pg_temp%', false)")).isEmpty();
        // the user-callable functions that touch application tables run as their owner
        assertThat(db.queryForList("SELECT proname FROM pg_proc WHERE pronamespace = 'emaj'::regnamespace AND NOT prosecdef"
            + " AND proname IN ('emaj_set_mark_group', 'emaj_start_group', 'emaj_stop_group', 'emaj_assign_table')")).isEmpty();
    }

    @Test
    void generatedLogFunctionsAreSecurityDefinerOwnedByEmajAdmWithoutPublicRight() {
        int n = newLoggingGroup(db);
        assertThat(db.queryForRows("SELECT prosecdef, proowner::regrole::text, proacl IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM aclexplode(proacl) a WHERE a.grantee = 0)"
            + " FROM pg_proc WHERE pronamespace = 'emaj_s" + n + "'::regnamespace"))
            .containsOnly(java.util.List.of("t", "emaj_adm", "t"));
        assertThat(db.queryForList("SELECT relname || ':' || relowner::regrole::text FROM pg_class"
            + " WHERE relnamespace = 'emaj_s" + n + "'::regnamespace AND relkind IN ('r', 'S') ORDER BY 1"))
            .containsExactly("cust_log:emaj_adm", "cust_log_seq:emaj_adm", "ord_log:emaj_adm", "ord_log_seq:emaj_adm");
    }

    @Test
    void emajAdmDrivesGroupsWithoutRightsOnApplicationTables() throws Exception {
        int n = newLoggingGroup(db);
        String s = "s" + n;
        db.execute("GRANT USAGE ON SCHEMA " + s + " TO " + ADM + "; CREATE TABLE " + s + ".later (id int PRIMARY KEY);");
        try (Connection c = db.newConnection()) {
            assertThat(as(c, ADM, "SELECT emaj.emaj_set_mark_group('g" + n + "', 'BY_ADM')")).isEqualTo("3");
            assertThat(as(c, ADM, "SELECT emaj.emaj_assign_table('" + s + "', 'later', 'g" + n + "')")).isEqualTo("1");
            assertThat(as(c, ADM, "SELECT count(*) FROM emaj.emaj_log_stat_group('g" + n + "', 'M1', NULL)")).isEqualTo("3");
            assertThat(as(c, ADM, "SELECT count(*) FROM emaj_" + s + ".cust_log")).isEqualTo("0");
            assertThat(errorAs(c, ADM, "SELECT * FROM " + s + ".cust")).isEqualTo("permission denied for table cust");
            assertThat(as(c, ADM, "SELECT emaj.emaj_stop_group('g" + n + "')")).isEqualTo("4");
        }
        // changes by a role with no E-Maj right are logged
        db.execute("GRANT USAGE ON SCHEMA " + s + " TO " + NOBODY + "; GRANT INSERT ON " + s + ".cust TO " + NOBODY + ";"
            + "SELECT emaj.emaj_start_group('g" + n + "');");
        try (Connection c = db.newConnection(); Statement st = c.createStatement()) {
            st.execute("SET ROLE " + NOBODY);
            st.execute("INSERT INTO " + s + ".cust VALUES (7, 'x', 'y')");
            st.execute("RESET ROLE");
        }
        assertThat(db.queryForString("SELECT emaj_user = session_user FROM emaj_" + s + ".cust_log")).isEqualTo("t");
        assertThat(db.queryForString("SELECT count(*) FROM emaj_" + s + ".cust_log")).isEqualTo("1");
    }

    @Test
    void emajViewerReadsButCannotChange() throws Exception {
        int n = newLoggingGroup(db);
        try (Connection c = db.newConnection()) {
            assertThat(as(c, VIEWER, "SELECT count(*) FROM emaj.emaj_log_stat_group('g" + n + "', 'M1', NULL)")).isEqualTo("2");
            assertThat(as(c, VIEWER, "SELECT emaj.emaj_get_version()")).isNotNull();
            assertThat(as(c, VIEWER, "SELECT count(*) FROM emaj.emaj_verify_all()")).isNotNull();
            assertThat(as(c, VIEWER, "SELECT count(*) FROM emaj.emaj_group")).isNotNull();
            assertThat(as(c, VIEWER, "SELECT count(*) FROM emaj_s" + n + ".cust_log")).isEqualTo("0");
            assertThat(as(c, VIEWER, "SELECT count(*) FROM emaj.emaj_visible_param")).isEqualTo("9");
            assertThat(errorAs(c, VIEWER, "SELECT * FROM emaj.emaj_param")).isEqualTo("permission denied for table emaj_param");
            assertThat(errorAs(c, VIEWER, "SELECT * FROM emaj.emaj_all_param")).isEqualTo("permission denied for view emaj_all_param");
            assertThat(errorAs(c, VIEWER, "SELECT emaj.emaj_set_mark_group('g" + n + "', 'NO')"))
                .isEqualTo("permission denied for function emaj_set_mark_group");
            assertThat(errorAs(c, VIEWER, "DELETE FROM emaj.emaj_mark")).isEqualTo("permission denied for table emaj_mark");
            assertThat(errorAs(c, NOBODY, "SELECT emaj.emaj_get_version()")).isEqualTo("permission denied for schema emaj");
        }
    }
}
