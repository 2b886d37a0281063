package org.emajshell.command.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.emajshell.command.Command;
import org.emajshell.command.MetaCommand;
import org.emajshell.command.SqlStatement;
import org.emajshell.parse.CommandParser;
import org.emajshell.parse.Statement;
import org.emajshell.parse.StatementSplitter;
import org.emajshell.parse.VariableSubstitution;
import org.junit.jupiter.api.Test;

class HelpTopicsTest {

    private final CommandParser parser = new CommandParser();

    @Test
    void everyCommandRecordHasAHelpEntry() {
        Class<?>[] types = Command.class.getPermittedSubclasses();
        assertThat(types).hasSizeGreaterThan(40);
        for (Class<?> type : types) {
            @SuppressWarnings("unchecked")
            Class<? extends Command> commandType = (Class<? extends Command>) type;
            assertThat(HelpTopics.entriesFor(commandType)).as("help for %s", type.getSimpleName()).isNotEmpty();
        }
    }

    @Test
    void everyMetaCommandHasAHelpEntry() {
        List<String> names = HelpTopics.entries(HelpCategory.META).stream().map(e -> e.name().substring(1)).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(MetaCommand.NAMES);
        for (String alias : MetaCommand.ALIASES.keySet()) {
            assertThat(HelpTopics.find("\\" + alias)).as(alias).hasSize(1);
        }
    }

    @Test
    void everyExampleParsesIntoItsOwnCommandType() {
        for (HelpEntry e : HelpTopics.entries()) {
            for (var statement : new StatementSplitter().split(e.example())) {
                // Variables in examples (\\set, \\echo) are set to "v".
                String text = VariableSubstitution.substitute(statement.text(), name -> "v");
                Command c = parser.parse(new Statement(text, statement.line(), statement.column()));
                if (e.commandType() == MetaCommand.class && !statement.isMetaCommand()) {
                    continue; // \watch's example runs a command first
                }
                assertThat(c).as("example of %s: %s", e.name(), statement.text()).isInstanceOf(e.commandType());
            }
        }
    }

    @Test
    void everySynopsisStartsWithItsName() {
        for (HelpEntry e : HelpTopics.entries()) {
            if (e.commandType() != SqlStatement.class) {
                assertThat(e.synopsis()).as(e.name()).startsWith(e.name().split(" ")[0]);
            }
        }
    }

    @Test
    void namesAreUnique() {
        List<String> names = HelpTopics.topicNames();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void findByTopic() {
        assertThat(HelpTopics.find("rollback")).extracting(HelpEntry::name).containsExactly("ROLLBACK");
        assertThat(HelpTopics.find("ROLLBACK TO 'm'")).extracting(HelpEntry::name).containsExactly("ROLLBACK");
        assertThat(HelpTopics.find("rollback to savepoint")).extracting(HelpEntry::name).containsExactly("SQL");
        assertThat(HelpTopics.find("show  changes")).extracting(HelpEntry::name).containsExactly("SHOW CHANGES");
        assertThat(HelpTopics.find("start groups")).extracting(HelpEntry::name).containsExactly("START GROUP");
        assertThat(HelpTopics.find("\\set")).extracting(HelpEntry::name).containsExactly("\\set");
        assertThat(HelpTopics.find("pset")).extracting(HelpEntry::name).containsExactly("\\pset");
        assertThat(HelpTopics.find("\\quit")).extracting(HelpEntry::name).containsExactly("\\q");
        assertThat(HelpTopics.find("show")).extracting(HelpEntry::name)
                .contains("SHOW GROUPS", "SHOW GROUP", "SHOW CHANGES", "SHOW ROLLBACKS", "SHOW ACTIVITY").hasSize(10);
        assertThat(HelpTopics.find("delete")).extracting(HelpEntry::name).containsExactly("DELETE MARK", "DELETE MARKS BEFORE");
        assertThat(HelpTopics.find("nothing like this")).isEmpty();
        assertThat(HelpTopics.find(null)).isEmpty();
        assertThat(HelpTopics.entry("show")).isEmpty();
        assertThat(HelpTopics.entry("verify")).map(HelpEntry::name).contains("VERIFY");
    }

    @Test
    void renderedEntry() {
        String text = HelpTopics.entry("DROP GROUP").orElseThrow().render();
        assertThat(text).startsWith("DROP GROUP — drop a tables group\n\n  DROP GROUP g [FORCE]\n\nDrops an idle group")
                .endsWith("Example:\n  DROP GROUP shop;");
        for (String line : text.split("\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void overviewsListEverything() {
        String overview = HelpTopics.overview();
        for (HelpEntry e : HelpTopics.entries()) {
            if (e.category() != HelpCategory.META) {
                assertThat(overview).contains(e.name());
            }
        }
        assertThat(overview).contains("ROLLBACK TO SAVEPOINT");
        String meta = HelpTopics.metaOverview();
        Arrays.asList("\\q", "\\set", "\\pset", "\\watch").forEach(n -> assertThat(meta).contains(n));
    }

    @Test
    void theSqlNotesNameEverySharedForm() {
        assertThat(HelpTopics.SQL_NOTES).contains("CREATE ROLE", "ROLLBACK TO SAVEPOINT", "SHOW name", "RESET name",
                "COMMENT ON TABLE", "DELETE FROM", "IMPORT FOREIGN SCHEMA", "BEGIN", "COMMIT");
    }
}
