package org.emajshell.repl;

import org.emajshell.script.ExitCode;
import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real REPL on a terminal over streams, against a real server. */
class ReplTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path dir;

    private ReplSession.Screen type(String input) throws Exception {
        return ReplSession.dumb(db, dir.resolve("history")).type(input).finish();
    }

    @Test
    void showsTheBannerRunsACommandAndQuitsOnBackslashQ() throws Exception {
        ReplSession.Screen screen = type("SHOW GROUPS;\n\\q\n");

        assertThat(screen.exit()).isEqualTo(ExitCode.OK);
        assertThat(screen.text()).contains("E-Maj 0.1.0 (own extension) on PostgreSQL")
            .contains("database \"" + db.name() + "\"")
            .contains("Tab to complete")
            .containsPattern("\\(\\d+ groups?\\)");
    }

    @Test
    void aStatementWithoutItsSemicolonContinuesOnTheNextLine() throws Exception {
        ReplSession.Screen screen = type("SELECT 6\n* 7 AS product;\n\\q\n");

        assertThat(screen.text()).contains(" product\n─────────\n      42\n(1 row)");
    }

    @Test
    void endOfInputQuitsAndTheHistoryIsSaved() throws Exception {
        ReplSession.Screen screen = ReplSession.dumb(db, dir.resolve("history"))
            .type("SELECT 'remember me';\n").waitFor("(1 row)").finish();

        assertThat(screen.exit()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("history"))).contains("SELECT 'remember me';");
    }

    @Test
    void linesHoldingAPasswordNeverReachTheHistoryFile() throws Exception {
        ReplSession.dumb(db, dir.resolve("history"))
            .type("\\c postgresql://erin:s3cret-uri@127.0.0.1:1/shop\n")
            .type("\\c 'host=127.0.0.1 port=1 PASSWORD = s3cret-kv'\n")
            .type("ALTER ROLE nobody_here PASSWORD 's3cret-sql';\n")
            .type("SELECT 'remembered' AS word;\n").waitFor("(1 row)")
            .finish();

        String history = Files.readString(dir.resolve("history"));
        assertThat(history).contains("SELECT 'remembered' AS word;").doesNotContain("s3cret");
    }

    @Test
    void thePromptShowsTheCurrentGroupAnOpenTransactionAndAFailedOne() throws Exception {
        db.execute("SELECT emaj.emaj_create_group('prompted')");

        ReplSession.Screen screen = type("USE prompted\nBEGIN;\nSELECT 1;\nSELECT 1/0;\nROLLBACK;\n\\q\n");

        assertThat(screen.text()).contains(db.name() + "/prompted=> ")
            .contains(db.name() + "/prompted=*> ")
            .contains(db.name() + "/prompted=!> ");
    }

    @Test
    void thePromptIsConfigurableWithPsqlEscapes() throws Exception {
        ReplSession.Screen screen = type("\\set PROMPT1 '%n@%/%g %x%# '\nUSE GROUP nowhere\n\\set PROMPT2 'more%R '\nSELECT\n1;\n\\q\n");

        assertThat(screen.text()).contains("postgres@" + db.name() + " # ").contains("more- ");
    }
}
