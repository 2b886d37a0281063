package org.emajshell.repl;

import org.emajshell.parse.StatementSplitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which commands make completion read the catalog again. */
class CatalogRefreshTest {

    private static boolean refreshes(String buffer) {
        return Repl.mayChangeCatalog(new StatementSplitter().split(buffer));
    }

    @Test
    void ddlEmajCommandsAndEmajFunctionsDo() {
        assertThat(refreshes("CREATE TABLE t (id int);")).isTrue();
        assertThat(refreshes("CREATE GROUP g")).isTrue();
        assertThat(refreshes("MARK 'm1'")).isTrue();
        assertThat(refreshes("DELETE MARK m1")).isTrue();
        assertThat(refreshes("SELECT emaj.emaj_create_group('g');")).isTrue();
        assertThat(refreshes("COMMIT;")).isTrue();
        assertThat(refreshes("\\c otherdb")).isTrue();
        assertThat(refreshes("SELECT 1; DROP SCHEMA s CASCADE;")).isTrue();
    }

    @Test
    void readsAndRowWritesDoNot() {
        assertThat(refreshes("SELECT * FROM t;")).isFalse();
        assertThat(refreshes("UPDATE t SET v = 1; DELETE FROM t WHERE id = 2;")).isFalse();
        assertThat(refreshes("SHOW GROUPS")).isFalse();
        assertThat(refreshes("SHOW CHANGES SINCE m1")).isFalse();
        assertThat(refreshes("\\x auto")).isFalse();
        assertThat(refreshes("USE shop")).isFalse();
    }
}
