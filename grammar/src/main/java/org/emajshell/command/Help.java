package org.emajshell.command;

/**
 * {@code HELP [topic]}: topic null for the overview, else the words as written (e.g.
 * {@code "show changes"}); see {@code org.emajshell.command.help.HelpTopics#find}.
 */
public record Help(String topic) implements Command {
    public Help {
        Check.optional(topic, "topic");
    }
}
