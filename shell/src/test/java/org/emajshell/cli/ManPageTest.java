package org.emajshell.cli;

import org.emajshell.command.help.HelpEntry;
import org.emajshell.command.help.HelpTopics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed man page (rendered by the build before the tests run) says what the program
 * does: every option, every command and meta-command with the text HELP shows.
 */
class ManPageTest {

    private static final Path PAGE = Path.of("..", "man", "emaj-shell.1");

    /** The page's text with roff's requests and escapes undone, spaces and line breaks collapsed. */
    private static String page() throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
            if (line.startsWith(".SH ") || line.startsWith(".SS ")) {
                text.append(' ').append(line.substring(4).replace("\"", "")).append(' ');
            } else if (!line.startsWith(".") && !line.startsWith("'")) {
                text.append(line).append(' ');
            }
        }
        String t = text.toString()
            .replace("\\*(Aq", "'").replace("\\(aq", "'").replace("\\(cq", "'").replace("\\(dq", "\"")
            .replace("\\(ga", "`").replace("\\(ti", "~").replace("\\(ha", "^").replace("\\(em", "--")
            .replace("\\f(CR", "").replace("\\fB", "").replace("\\fI", "").replace("\\fP", "").replace("\\fR", "")
            .replace("\\-", "-").replace("\\&", "").replace("\\(rs", "\\");
        return t.replaceAll("\\s+", " ");
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void everyOptionIsDocumented() throws Exception {
        String page = page();
        for (CommandLine.Model.OptionSpec option : new CommandLine(new Options()).getCommandSpec().options()) {
            for (String name : option.names()) {
                assertThat(page).as("option %s", name).contains(name);
            }
            assertThat(page).contains(flat(option.description()[0]).substring(1));
        }
    }

    @Test
    void everyCommandHasItsHelpTextInThePage() throws Exception {
        String page = page();
        for (HelpEntry e : HelpTopics.entries()) {
            assertThat(page).as("synopsis of %s", e.name()).contains(flat(e.synopsis().split("\n")[0]));
            assertThat(page).as("description of %s", e.name()).contains(flat(e.description()));
            assertThat(page).as("example of %s", e.name()).contains(flat(e.example().split("\n")[0]));
        }
    }

    @Test
    void thePageHasTheSectionsOfAManPage() throws Exception {
        String page = page();
        for (String section : new String[] {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "CONNECTIONS", "SCRIPTS",
            "OUTPUT FORMATS", "COMMANDS", "META-COMMANDS", "VARIABLES", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"}) {
            assertThat(page).contains(" " + section + " ");
        }
    }
}
