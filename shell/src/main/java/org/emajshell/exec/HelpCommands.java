package org.emajshell.exec;

import org.emajshell.command.help.HelpEntry;
import org.emajshell.command.help.HelpTopics;

import java.util.List;
import java.util.stream.Collectors;

/** HELP, \h and \?: the texts come from the language module, the same source as the man page. */
final class HelpCommands {

    private HelpCommands() {
    }

    static Result help(String topic) throws CommandError {
        if (topic == null || topic.isBlank()) {
            return new Result.Message(HelpTopics.overview());
        }
        List<HelpEntry> entries = HelpTopics.find(topic);
        if (entries.isEmpty()) {
            throw new CommandError("no help for \"" + topic + "\"",
                "HELP alone lists the commands; plain SQL statements are documented by PostgreSQL");
        }
        return new Result.Message(entries.stream().map(HelpEntry::render).collect(Collectors.joining("\n\n")));
    }

    static Result metaHelp() {
        return new Result.Message(HelpTopics.metaOverview());
    }
}
