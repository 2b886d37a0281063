package org.emajshell.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.emajshell.command.*;
import org.emajshell.command.RelationSelection.InSchema;
import org.emajshell.command.RelationSelection.Listed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A command in, the record out: every form of command-language.md. */
class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    private Command parse(String text) {
        return parser.parse(text);
    }

    private static Listed listed(QualifiedName... names) {
        return new Listed(List.of(names));
    }

    private static QualifiedName qn(String schema, String name) {
        return QualifiedName.of(schema, name);
    }

    @Nested
    class GroupDefinition {

        @Test
        void createGroup() {
            assertThat(parse("CREATE GROUP shop")).isEqualTo(new CreateGroup("shop", true, null));
            assertThat(parse("create group shop rollbackable comment 'web shop';"))
                    .isEqualTo(new CreateGroup("shop", true, "web shop"));
            assertThat(parse("CREATE GROUP audit AUDIT_ONLY")).isEqualTo(new CreateGroup("audit", false, null));
            assertThat(parse("CREATE GROUP 'my group' AUDIT_ONLY COMMENT E'two\\nlines'"))
                    .isEqualTo(new CreateGroup("my group", false, "two\nlines"));
        }

        @Test
        void dropGroup() {
            assertThat(parse("DROP GROUP shop")).isEqualTo(new DropGroup("shop", false));
            assertThat(parse("DROP GROUP shop FORCE;")).isEqualTo(new DropGroup("shop", true));
            assertThat(parse("DROP GROUP force")).isEqualTo(new DropGroup("force", false));
        }

        @Test
        void commentOnGroup() {
            assertThat(parse("COMMENT ON GROUP shop IS 'the shop'")).isEqualTo(new CommentOnGroup("shop", "the shop"));
            assertThat(parse("COMMENT ON GROUP shop IS NULL")).isEqualTo(new CommentOnGroup("shop", null));
        }

        @Test
        void assignListedTables() {
            assertThat(parse("ASSIGN TABLE shop.orders"))
                    .isEqualTo(new AssignRelations(RelationKind.TABLE, listed(qn("shop", "orders")), null, Map.of(), null));
            assertThat(parse("ASSIGN TABLES shop.orders, \"Shop\".\"Order Lines\", customer TO GROUP shop MARK 'm1'"))
                    .isEqualTo(new AssignRelations(RelationKind.TABLE,
                            listed(qn("shop", "orders"), qn("Shop", "Order Lines"), QualifiedName.of("customer")),
                            "shop", Map.of(), "m1"));
        }

        @Test
        void assignTablesWithProperties() {
            AssignRelations a = (AssignRelations) parse("ASSIGN TABLE s.t TO GROUP g WITH (priority = 5, "
                    + "log_data_tablespace = 'tsp_data', log_index_tablespace = tsp_IDX, ignored_triggers = ['t1', \"T2\"], "
                    + "ignored_triggers_profiles = ('^audit_.*'), flag = true, other = null, neg = -3)");
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("priority", 5L);
            expected.put("log_data_tablespace", "tsp_data");
            expected.put("log_index_tablespace", "tsp_idx");
            expected.put("ignored_triggers", List.of("t1", "T2"));
            expected.put("ignored_triggers_profiles", List.of("^audit_.*"));
            expected.put("flag", true);
            expected.put("other", null);
            expected.put("neg", -3L);
            assertThat(a.properties()).containsExactlyEntriesOf(expected);
            assertThat(a.properties().keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(a.group()).isEqualTo("g");
            assertThat(parse("ASSIGN TABLE s.t WITH (ignored_triggers = [])"))
                    .extracting(c -> ((AssignRelations) c).properties().get("ignored_triggers")).isEqualTo(List.of());
        }

        @Test
        void assignTablesInSchema() {
            assertThat(parse("ASSIGN TABLES IN SCHEMA shop"))
                    .isEqualTo(new AssignRelations(RelationKind.TABLE, new InSchema("shop", null, null), null, Map.of(), null));
            assertThat(parse("ASSIGN TABLES IN SCHEMA shop MATCHING '^t' EXCLUDING '_old$' TO GROUP g WITH (priority = 1) MARK 'a'"))
                    .isEqualTo(new AssignRelations(RelationKind.TABLE, new InSchema("shop", "^t", "_old$"), "g",
                            Map.of("priority", 1L), "a"));
            assertThat(parse("ASSIGN TABLE IN SCHEMA shop EXCLUDING 'x'"))
                    .isEqualTo(new AssignRelations(RelationKind.TABLE, new InSchema("shop", null, "x"), null, Map.of(), null));
        }

        @Test
        void assignSequences() {
            assertThat(parse("ASSIGN SEQUENCE shop.order_seq TO GROUP shop"))
                    .isEqualTo(new AssignRelations(RelationKind.SEQUENCE, listed(qn("shop", "order_seq")), "shop", Map.of(), null));
            assertThat(parse("ASSIGN SEQUENCES IN SCHEMA shop MATCHING '_seq$' MARK 'm'"))
                    .isEqualTo(new AssignRelations(RelationKind.SEQUENCE, new InSchema("shop", "_seq$", null), null, Map.of(), "m"));
        }

        @Test
        void removeRelations() {
            assertThat(parse("REMOVE TABLE shop.audit"))
                    .isEqualTo(new RemoveRelations(RelationKind.TABLE, listed(qn("shop", "audit")), null));
            assertThat(parse("REMOVE SEQUENCES IN SCHEMA s MATCHING '.*' MARK 'gone'"))
                    .isEqualTo(new RemoveRelations(RelationKind.SEQUENCE, new InSchema("s", ".*", null), "gone"));
            assertThat(parse("REMOVE TABLES a, b.c"))
                    .isEqualTo(new RemoveRelations(RelationKind.TABLE, listed(QualifiedName.of("a"), qn("b", "c")), null));
        }

        @Test
        void moveRelations() {
            assertThat(parse("MOVE TABLES shop.invoice, shop.line TO GROUP billing"))
                    .isEqualTo(new MoveRelations(RelationKind.TABLE, listed(qn("shop", "invoice"), qn("shop", "line")),
                            "billing", null));
            assertThat(parse("MOVE SEQUENCE s.q TO GROUP g2 MARK 'moved'"))
                    .isEqualTo(new MoveRelations(RelationKind.SEQUENCE, listed(qn("s", "q")), "g2", "moved"));
            assertThat(parse("MOVE TABLES IN SCHEMA s MATCHING 'x' TO GROUP g"))
                    .isEqualTo(new MoveRelations(RelationKind.TABLE, new InSchema("s", "x", null), "g", null));
        }

        @Test
        void modifyRelations() {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("priority", 10L);
            props.put("log_data_tablespace", null);
            assertThat(parse("MODIFY TABLE shop.orders SET (priority = 10, log_data_tablespace = NULL)"))
                    .isEqualTo(new ModifyRelations(listed(qn("shop", "orders")), props, null));
            assertThat(parse("MODIFY TABLES IN SCHEMA s SET (priority = 1) MARK 'm'"))
                    .isEqualTo(new ModifyRelations(new InSchema("s", null, null), Map.of("priority", 1L), "m"));
        }

        @Test
        void exportConfiguration() {
            assertThat(parse("EXPORT CONFIGURATION")).isEqualTo(new ExportConfiguration(List.of(), null));
            assertThat(parse("EXPORT CONFIGURATION GROUPS a, b TO 'conf.json'"))
                    .isEqualTo(new ExportConfiguration(List.of("a", "b"), "conf.json"));
            assertThat(parse("EXPORT CONFIGURATION TO '/tmp/x.json'"))
                    .isEqualTo(new ExportConfiguration(List.of(), "/tmp/x.json"));
        }

        @Test
        void importConfiguration() {
            assertThat(parse("IMPORT CONFIGURATION FROM 'conf.json'"))
                    .isEqualTo(new ImportConfiguration("conf.json", List.of(), false));
            assertThat(parse("IMPORT CONFIGURATION FROM 'conf.json' GROUPS shop REPLACE"))
                    .isEqualTo(new ImportConfiguration("conf.json", List.of("shop"), true));
        }
    }

    @Nested
    class LifeCycle {

        @Test
        void startGroups() {
            assertThat(parse("START GROUP shop")).isEqualTo(new StartGroups(List.of("shop"), null, false));
            assertThat(parse("START GROUPS a, 'B' MARK 'start' KEEP LOG"))
                    .isEqualTo(new StartGroups(List.of("a", "B"), "start", true));
            assertThat(parse("start group mark")).isEqualTo(new StartGroups(List.of("mark"), null, false));
        }

        @Test
        void stopGroups() {
            assertThat(parse("STOP GROUP shop")).isEqualTo(new StopGroups(List.of("shop"), null, false));
            assertThat(parse("STOP GROUPS a, b MARK 'end' FORCE")).isEqualTo(new StopGroups(List.of("a", "b"), "end", true));
        }

        @Test
        void resetProtectUnprotect() {
            assertThat(parse("RESET GROUP shop")).isEqualTo(new ResetGroup("shop"));
            assertThat(parse("PROTECT GROUP shop")).isEqualTo(new ProtectGroup("shop"));
            assertThat(parse("UNPROTECT GROUP shop")).isEqualTo(new UnprotectGroup("shop"));
        }
    }

    @Nested
    class Marks {

        @Test
        void setMark() {
            assertThat(parse("MARK 'before-price-update' COMMENT 'ticket 4711'"))
                    .isEqualTo(new SetMark(List.of(), "before-price-update", "ticket 4711"));
            assertThat(parse("MARK GROUP shop m1")).isEqualTo(new SetMark(List.of("shop"), "m1", null));
            assertThat(parse("MARK GROUPS a, b 'batch-%'")).isEqualTo(new SetMark(List.of("a", "b"), "batch-%", null));
            assertThat(parse("MARK 'before batch #42'")).isEqualTo(new SetMark(List.of(), "before batch #42", null));
            assertThat(parse("MARK group")).isEqualTo(new SetMark(List.of(), "group", null));
            assertThat(parse("MARK $$it's$$")).isEqualTo(new SetMark(List.of(), "it's", null));
        }

        @Test
        void renameMark() {
            assertThat(parse("RENAME MARK 'a' TO 'b'")).isEqualTo(new RenameMark(null, "a", "b"));
            assertThat(parse("RENAME MARK a TO b IN GROUP g")).isEqualTo(new RenameMark("g", "a", "b"));
            assertThat(parse("RENAME MARK a TO b IN g")).isEqualTo(new RenameMark("g", "a", "b"));
        }

        @Test
        void commentOnMark() {
            assertThat(parse("COMMENT ON MARK m IS 'text'")).isEqualTo(new CommentOnMark(null, "m", "text"));
            assertThat(parse("COMMENT ON MARK m IN GROUP g IS NULL")).isEqualTo(new CommentOnMark("g", "m", null));
        }

        @Test
        void deleteMarks() {
            assertThat(parse("DELETE MARK m")).isEqualTo(new DeleteMark(null, "m"));
            assertThat(parse("DELETE MARK 'm' FROM GROUP g")).isEqualTo(new DeleteMark("g", "m"));
            assertThat(parse("DELETE MARK m IN GROUP g")).isEqualTo(new DeleteMark("g", "m"));
            assertThat(parse("DELETE MARKS BEFORE m")).isEqualTo(new DeleteMarksBefore(null, "m"));
            assertThat(parse("DELETE MARKS BEFORE m IN GROUP g")).isEqualTo(new DeleteMarksBefore("g", "m"));
        }

        @Test
        void protectMarks() {
            assertThat(parse("PROTECT MARK m")).isEqualTo(new ProtectMark(null, "m"));
            assertThat(parse("PROTECT MARK m IN GROUP g")).isEqualTo(new ProtectMark("g", "m"));
            assertThat(parse("UNPROTECT MARK m")).isEqualTo(new UnprotectMark(null, "m"));
            assertThat(parse("UNPROTECT MARK m IN GROUP g")).isEqualTo(new UnprotectMark("g", "m"));
        }
    }

    @Nested
    class Rollbacks {

        @Test
        void simple() {
            assertThat(parse("ROLLBACK TO 'start'"))
                    .isEqualTo(new Rollback(List.of(), "start", false, false, null, null, false, false));
            assertThat(parse("ROLLBACK TO MARK start;"))
                    .isEqualTo(new Rollback(List.of(), "start", false, false, null, null, false, false));
            assertThat(parse("ROLLBACK GROUP shop TO m"))
                    .isEqualTo(new Rollback(List.of("shop"), "m", false, false, null, null, false, false));
            assertThat(parse("ROLLBACK GROUPS a, b TO m"))
                    .isEqualTo(new Rollback(List.of("a", "b"), "m", false, false, null, null, false, false));
        }

        @Test
        void everyOption() {
            assertThat(parse("ROLLBACK GROUP g TO MARK m LOGGED ALLOW ALTER COMMENT 'undo' PARALLEL 3 PREVIEW VERBOSE"))
                    .isEqualTo(new Rollback(List.of("g"), "m", true, true, "undo", 3, true, true));
        }

        @Test
        void optionsInAnyOrder() {
            assertThat(parse("ROLLBACK TO m PREVIEW PARALLEL 2 LOGGED"))
                    .isEqualTo(new Rollback(List.of(), "m", true, false, null, 2, true, false));
            assertThat(parse("ROLLBACK TO m VERBOSE PREVIEW"))
                    .isEqualTo(new Rollback(List.of(), "m", false, false, null, null, true, true));
        }

        @Test
        void markNamedLikeAKeyword() {
            // MARK followed by a name: the keyword is taken as MARK, the next word as the name.
            assertThat(parse("ROLLBACK TO MARK preview"))
                    .isEqualTo(new Rollback(List.of(), "preview", false, false, null, null, false, false));
            assertThat(parse("ROLLBACK TO mark"))
                    .isEqualTo(new Rollback(List.of(), "mark", false, false, null, null, false, false));
            assertThat(parse("ROLLBACK TO logged LOGGED"))
                    .isEqualTo(new Rollback(List.of(), "logged", true, false, null, null, false, false));
        }

        @Test
        void estimateAndConsolidate() {
            assertThat(parse("ESTIMATE ROLLBACK TO m")).isEqualTo(new EstimateRollback(List.of(), "m", false));
            assertThat(parse("ESTIMATE ROLLBACK GROUPS a, b TO MARK m LOGGED"))
                    .isEqualTo(new EstimateRollback(List.of("a", "b"), "m", true));
            assertThat(parse("CONSOLIDATE ROLLBACK TO m")).isEqualTo(new ConsolidateRollback(null, "m"));
            assertThat(parse("CONSOLIDATE ROLLBACK GROUP g TO MARK 'm'")).isEqualTo(new ConsolidateRollback("g", "m"));
        }
    }

    @Nested
    class Looking {

        @Test
        void showGroupsAndGroup() {
            assertThat(parse("SHOW GROUPS")).isEqualTo(new ShowGroups());
            assertThat(parse("show groups;")).isEqualTo(new ShowGroups());
            assertThat(parse("SHOW GROUP shop")).isEqualTo(new ShowGroup("shop"));
            assertThat(parse("SHOW GROUP")).isEqualTo(new ShowGroup(null));
        }

        @Test
        void showMarksTablesSequences() {
            assertThat(parse("SHOW MARKS")).isEqualTo(new ShowMarks(null));
            assertThat(parse("SHOW MARKS OF GROUP shop")).isEqualTo(new ShowMarks("shop"));
            assertThat(parse("SHOW MARKS OF shop")).isEqualTo(new ShowMarks("shop"));
            assertThat(parse("SHOW TABLES")).isEqualTo(new ShowTables(null));
            assertThat(parse("SHOW TABLES OF GROUP 'G'")).isEqualTo(new ShowTables("G"));
            assertThat(parse("SHOW SEQUENCES")).isEqualTo(new ShowSequences(null));
            assertThat(parse("SHOW SEQUENCES OF GROUP g")).isEqualTo(new ShowSequences("g"));
        }

        @Test
        void showStats() {
            assertThat(parse("SHOW STATS")).isEqualTo(new ShowStats(null, null, null, false));
            assertThat(parse("SHOW STATS OF GROUP g SINCE a UNTIL 'b' DETAILED"))
                    .isEqualTo(new ShowStats("g", "a", "b", true));
            assertThat(parse("SHOW STATS UNTIL b")).isEqualTo(new ShowStats(null, null, "b", false));
        }

        @Test
        void showChanges() {
            assertThat(parse("SHOW CHANGES SINCE 'before-price-update'"))
                    .isEqualTo(new ShowChanges(null, null, "before-price-update", null, Consolidation.NONE, null, null));
            assertThat(parse("SHOW CHANGES OF GROUP g ON TABLE s.t SINCE a UNTIL b CONSOLIDATED PARTIAL "
                    + "WHERE price > 100 AND (name LIKE 'x%' OR id IN (1, 2)) LIMIT 20"))
                    .isEqualTo(new ShowChanges("g", qn("s", "t"), "a", "b", Consolidation.PARTIAL,
                            "price > 100 AND (name LIKE 'x%' OR id IN (1, 2))", 20L));
            assertThat(parse("SHOW CHANGES ON shop.product SINCE start CONSOLIDATED"))
                    .isEqualTo(new ShowChanges(null, qn("shop", "product"), "start", null, Consolidation.FULL, null, null));
            assertThat(parse("SHOW CHANGES SINCE a CONSOLIDATED FULL LIMIT 5"))
                    .isEqualTo(new ShowChanges(null, null, "a", null, Consolidation.FULL, null, 5L));
            assertThat(parse("SHOW CHANGES SINCE a WHERE x = (SELECT max(y) FROM t LIMIT 1)"))
                    .extracting(c -> ((ShowChanges) c).where()).isEqualTo("x = (SELECT max(y) FROM t LIMIT 1)");
        }

        @Test
        void showHistoryAndRollbacks() {
            assertThat(parse("SHOW HISTORY")).isEqualTo(new ShowHistory(null, null));
            assertThat(parse("SHOW HISTORY OF GROUP g LIMIT 20")).isEqualTo(new ShowHistory("g", 20L));
            assertThat(parse("SHOW ROLLBACKS")).isEqualTo(new ShowRollbacks(false));
            assertThat(parse("SHOW ROLLBACKS RUNNING")).isEqualTo(new ShowRollbacks(true));
            assertThat(parse("SHOW ACTIVITY")).isEqualTo(new ShowActivity(null));
            assertThat(parse("show activity of group 'Shop'")).isEqualTo(new ShowActivity("Shop"));
            assertThat(parse("SHOW ACTIVITY OF shop;")).isEqualTo(new ShowActivity("shop"));
        }

        @Test
        void generateSql() {
            assertThat(parse("GENERATE SQL SINCE a")).isEqualTo(new GenerateSql(null, "a", null, List.of(), null));
            assertThat(parse("GENERATE SQL OF GROUP g SINCE a UNTIL b ON TABLES s.t, s.u TO 'out.sql'"))
                    .isEqualTo(new GenerateSql("g", "a", "b", List.of(qn("s", "t"), qn("s", "u")), "out.sql"));
            assertThat(parse("GENERATE SQL SINCE a ON s.t"))
                    .isEqualTo(new GenerateSql(null, "a", null, List.of(qn("s", "t")), null));
        }

        @Test
        void replay() {
            assertThat(parse("REPLAY SINCE a ON 'host=replica dbname=shop'"))
                    .isEqualTo(new Replay(null, "a", null, "host=replica dbname=shop", false));
            assertThat(parse("REPLAY GROUP g SINCE a UNTIL b ON 'postgresql://x/db' STEP"))
                    .isEqualTo(new Replay("g", "a", "b", "postgresql://x/db", true));
        }

        @Test
        void verifyAndSnap() {
            assertThat(parse("VERIFY")).isEqualTo(new Verify());
            assertThat(parse("SNAP GROUP g TO '/tmp/snap'")).isEqualTo(new SnapGroup("g", "/tmp/snap"));
            assertThat(parse("SNAP TO '/tmp/snap'")).isEqualTo(new SnapGroup(null, "/tmp/snap"));
        }
    }

    @Nested
    class Session {

        @Test
        void use() {
            assertThat(parse("USE shop")).isEqualTo(new UseGroup("shop"));
            assertThat(parse("USE GROUP shop")).isEqualTo(new UseGroup("shop"));
            assertThat(parse("use 'My Group'")).isEqualTo(new UseGroup("My Group"));
            assertThat(parse("USE group")).isEqualTo(new UseGroup("group"));
        }

        @Test
        void help() {
            assertThat(parse("HELP")).isEqualTo(new Help(null));
            assertThat(parse("help rollback;")).isEqualTo(new Help("rollback"));
            assertThat(parse("HELP show  changes")).isEqualTo(new Help("show changes"));
        }

        @Test
        void installEmaj() {
            assertThat(parse("INSTALL EMAJ")).isEqualTo(new InstallEmaj());
            assertThat(parse("install emaj;")).isEqualTo(new InstallEmaj());
        }
    }

    @Nested
    class Names {

        @Test
        void unquotedNamesFoldToLowerCase() {
            assertThat(parse("CREATE GROUP Shop_1")).isEqualTo(new CreateGroup("shop_1", true, null));
            assertThat(parse("ASSIGN TABLE MySchema.MyTable"))
                    .extracting(c -> ((Listed) ((AssignRelations) c).selection()).names().get(0))
                    .isEqualTo(qn("myschema", "mytable"));
        }

        @Test
        void quotedNamesKeepTheirCase() {
            assertThat(parse("CREATE GROUP \"Shop \"\"1\"\"\"")).isEqualTo(new CreateGroup("Shop \"1\"", true, null));
        }

        @Test
        void nonAsciiLettersStay() {
            assertThat(parse("CREATE GROUP Été")).isEqualTo(new CreateGroup("Été", true, null));
            assertThat(parse("MARK 'ünïcødé ✓ 🎉'")).isEqualTo(new SetMark(List.of(), "ünïcødé ✓ 🎉", null));
        }

        @Test
        void keywordsAreNamesWhereNamesGo() {
            assertThat(parse("CREATE GROUP group")).isEqualTo(new CreateGroup("group", true, null));
            assertThat(parse("SHOW MARKS OF GROUP show")).isEqualTo(new ShowMarks("show"));
            assertThat(parse("ASSIGN TABLE select.table"))
                    .extracting(c -> ((Listed) ((AssignRelations) c).selection()).names().get(0))
                    .isEqualTo(qn("select", "table"));
        }

        @Test
        void strings() {
            assertThat(parse("MARK 'it''s'")).isEqualTo(new SetMark(List.of(), "it's", null));
            assertThat(parse("MARK E'a\\tb\\\\c\\'d\\x41\\101\\u00e9\\U0001F389'"))
                    .isEqualTo(new SetMark(List.of(), "a\tb\\c'dAAé🎉", null));
            assertThat(parse("MARK $tag$a $$ b$tag$")).isEqualTo(new SetMark(List.of(), "a $$ b", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"MARK ''", "CREATE GROUP \"\"", "USE ''", "SNAP TO ''", "MARK $$$$"})
        void emptyNamesAreRefused(String text) {
            assertThatThrownBy(() -> parse(text)).isInstanceOf(SyntaxError.class);
        }

        @Test
        void commentsAnywhere() {
            assertThat(parse("/* a /* nested */ comment */ SHOW -- groups?\n GROUPS -- yes"))
                    .isEqualTo(new ShowGroups());
        }
    }

    @Nested
    class MetaCommands {

        @Test
        void namesAndArguments() {
            assertThat(parse("\\q")).isEqualTo(new MetaCommand("q", List.of()));
            assertThat(parse("\\quit")).isEqualTo(new MetaCommand("q", List.of()));
            assertThat(parse("\\set")).isEqualTo(new MetaCommand("set", List.of()));
            assertThat(parse("\\set name value")).isEqualTo(new MetaCommand("set", List.of("name", "value")));
            assertThat(parse("\\set x 'a b' c\"D E\"f 'it''s' 'tab\\there'"))
                    .isEqualTo(new MetaCommand("set", List.of("x", "a b", "cD Ef", "it's", "tab\there")));
            assertThat(parse("\\pset format csv")).isEqualTo(new MetaCommand("pset", List.of("format", "csv")));
            assertThat(parse("\\x auto")).isEqualTo(new MetaCommand("x", List.of("auto")));
            assertThat(parse("\\timing on")).isEqualTo(new MetaCommand("timing", List.of("on")));
            assertThat(parse("\\watch 5")).isEqualTo(new MetaCommand("watch", List.of("5")));
            assertThat(parse("\\?")).isEqualTo(new MetaCommand("?", List.of()));
            assertThat(parse("\\h show changes")).isEqualTo(new MetaCommand("h", List.of("show", "changes")));
            assertThat(parse("\\echo hello,   world; -- not a comment"))
                    .isEqualTo(new MetaCommand("echo", List.of("hello,", "world;", "--", "not", "a", "comment")));
            assertThat(parse("\\c postgresql://u@host:5432/db"))
                    .isEqualTo(new MetaCommand("c", List.of("postgresql://u@host:5432/db")));
            assertThat(parse("\\connect dbname=x")).isEqualTo(new MetaCommand("c", List.of("dbname=x")));
            assertThat(parse("\\i 'my file.emaj'")).isEqualTo(new MetaCommand("i", List.of("my file.emaj")));
            assertThat(parse("\\ir lib/marks.emaj")).isEqualTo(new MetaCommand("ir", List.of("lib/marks.emaj")));
            assertThat(parse("\\include_relative x.emaj")).isEqualTo(new MetaCommand("ir", List.of("x.emaj")));
            assertThat(parse("\\o")).isEqualTo(new MetaCommand("o", List.of()));
            assertThat(parse("\\unset x")).isEqualTo(new MetaCommand("unset", List.of("x")));
            assertThat(parse("\\conninfo")).isEqualTo(new MetaCommand("conninfo", List.of()));
            assertThat(parse("\\echo :unknown")).isEqualTo(new MetaCommand("echo", List.of(":unknown")));
        }

        @Test
        void unknownMetaCommand() {
            assertThatThrownBy(() -> parse("\\qq"))
                    .isInstanceOfSatisfying(SyntaxError.class, e -> {
                        assertThat(e.problem()).isEqualTo("invalid command \\qq");
                        assertThat(e.suggestion()).contains("\\q");
                        assertThat(e.expected()).contains("\\q", "\\set", "\\pset");
                    });
        }
    }

    @Test
    void parseScriptParsesEveryStatement() {
        List<Command> commands = parser.parseScript("""
                CREATE GROUP shop;
                ASSIGN TABLES IN SCHEMA shop TO GROUP shop;
                START GROUP shop MARK 'start';
                UPDATE shop.product SET price = price * 1.1;
                \\echo done
                ROLLBACK TO 'start';
                """);
        assertThat(commands).containsExactly(
                new CreateGroup("shop", true, null),
                new AssignRelations(RelationKind.TABLE, new InSchema("shop", null, null), "shop", Map.of(), null),
                new StartGroups(List.of("shop"), "start", false),
                new SqlStatement("UPDATE shop.product SET price = price * 1.1"),
                new MetaCommand("echo", List.of("done")),
                new Rollback(List.of(), "start", false, false, null, null, false, false));
    }
}
