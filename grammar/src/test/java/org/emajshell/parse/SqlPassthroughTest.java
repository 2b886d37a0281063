package org.emajshell.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.emajshell.command.Command;
import org.emajshell.command.CreateGroup;
import org.emajshell.command.DeleteMark;
import org.emajshell.command.DropGroup;
import org.emajshell.command.ResetGroup;
import org.emajshell.command.Rollback;
import org.emajshell.command.ShowGroups;
import org.emajshell.command.SqlStatement;
import org.emajshell.command.StartGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQL goes to the server as written; where SQL and a shell command share first words, the shell wins. */
class SqlPassthroughTest {

    private final CommandParser parser = new CommandParser();

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "select * from shop.orders where id = $1",
            "INSERT INTO t VALUES (1, 'a;b')",
            "UPDATE shop.product SET price = price * 1.1 WHERE category = 'tea'",
            "WITH x AS (SELECT 1) SELECT * FROM x",
            "VALUES (1), (2)",
            "TABLE shop.orders",
            "(SELECT 1) UNION (SELECT 2)",
            "CREATE ROLE auditor",
            "CREATE TABLE t (id int PRIMARY KEY)",
            "CREATE EXTENSION emaj CASCADE",
            "DROP ROLE auditor",
            "DROP TABLE t",
            "ALTER GROUP staff ADD USER bob",
            "ALTER TABLE t ADD COLUMN c text",
            "ROLLBACK",
            "ROLLBACK WORK",
            "ROLLBACK TRANSACTION",
            "ROLLBACK AND CHAIN",
            "ROLLBACK PREPARED 'tx1'",
            "ROLLBACK TO SAVEPOINT sp",
            "rollback to savepoint sp",
            "BEGIN",
            "BEGIN ISOLATION LEVEL SERIALIZABLE",
            "COMMIT",
            "END",
            "ABORT",
            "SAVEPOINT sp",
            "RELEASE SAVEPOINT sp",
            "START TRANSACTION",
            "SHOW search_path",
            "SHOW ALL",
            "SET search_path = shop, public",
            "RESET search_path",
            "RESET ALL",
            "COMMENT ON TABLE t IS 'x'",
            "COMMENT ON COLUMN t.c IS 'x'",
            "DELETE FROM t WHERE id = 1",
            "MOVE FORWARD 5 IN cur",
            "IMPORT FOREIGN SCHEMA s FROM SERVER srv INTO local",
            "EXPLAIN ANALYZE SELECT 1",
            "VACUUM ANALYZE t",
            "ANALYZE t",
            "TRUNCATE t",
            "COPY t FROM STDIN",
            "DO $$BEGIN RAISE NOTICE 'x'; END$$",
            "CALL p(1)",
            "GRANT SELECT ON t TO bob",
            "REVOKE ALL ON t FROM bob",
            "LOCK TABLE t",
            "NOTIFY ch",
            "LISTEN ch",
            "PREPARE q AS SELECT 1",
            "EXECUTE q",
            "DEALLOCATE q",
            "DISCARD ALL",
            "CHECKPOINT",
            "REINDEX TABLE t",
            "CLUSTER t",
            "REFRESH MATERIALIZED VIEW v",
            "SECURITY LABEL ON TABLE t IS 'x'",
            "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
            "SELECT a::int, b[1:2], :not_set FROM t",
    })
    void sqlIsPassedAsWritten(String sql) {
        assertThat(parser.parse(sql)).isEqualTo(new SqlStatement(sql));
        assertThat(parser.parse(sql + ";")).isEqualTo(new SqlStatement(sql));
    }

    @Test
    void theTextKeepsInnerCommentsAndDropsTheSemicolon() {
        assertThat(parser.parse("SELECT 1 /* one */ + 1 -- two\n ;"))
                .isEqualTo(new SqlStatement("SELECT 1 /* one */ + 1"));
        assertThat(parser.parse("SELECT 'a'\n  FROM t;;")).isEqualTo(new SqlStatement("SELECT 'a'\n  FROM t"));
    }

    @Test
    void theShellWinsWhereTheFirstWordsAreShared() {
        assertThat(parser.parse("CREATE GROUP staff")).isInstanceOf(CreateGroup.class);
        assertThat(parser.parse("DROP GROUP staff")).isInstanceOf(DropGroup.class);
        assertThat(parser.parse("ROLLBACK TO sp")).isInstanceOf(Rollback.class);
        assertThat(parser.parse("ROLLBACK GROUP g TO m")).isInstanceOf(Rollback.class);
        assertThat(parser.parse("SHOW GROUPS")).isInstanceOf(ShowGroups.class);
        assertThat(parser.parse("RESET GROUP g")).isInstanceOf(ResetGroup.class);
        assertThat(parser.parse("START GROUP g")).isInstanceOf(StartGroups.class);
        assertThat(parser.parse("DELETE MARK m")).isInstanceOf(DeleteMark.class);
    }

    @Test
    void aMistakeInASharedShellCommandIsAShellError() {
        Command c;
        try {
            c = parser.parse("SHOW GROUPS extra");
        } catch (SyntaxError e) {
            c = null;
            assertThat(e.column()).isEqualTo(13);
        }
        assertThat(c).isNull();
    }
}
