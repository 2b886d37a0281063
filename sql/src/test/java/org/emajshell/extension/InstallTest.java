package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.emajshell.testkit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class InstallTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @Test
    void createExtensionInstallsEmajWithItsRequiredExtensions() {
        assertThat(db.queryForList("SELECT extname FROM pg_extension ORDER BY 1"))
            .contains("btree_gist", "dblink", "emaj");
        assertThat(db.queryForString("SELECT extversion FROM pg_extension WHERE extname = 'emaj'"))
            .isEqualTo(EmajExtension.bundled().version());
    }

    @Test
    void plainScriptInstallWorksWhereNoExtensionFileCanBeAdded() throws Exception {
        String name = "plain_install_" + ProcessHandle.current().pid();
        try (Connection c = TestServer.get().connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        try (Connection c = TestServer.get().connect(name)) {
            new ExtensionInstaller(EmajExtension.bundled()).installPlainScript(c);
            try (Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'emaj'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            TestServer.get().dropDatabase(name);
        }
    }
}
