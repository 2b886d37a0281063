package org.emajshell.command.help;

/** The sections of HELP and of the man page, in the order shown. */
public enum HelpCategory {
    GROUP_DEFINITION("Group definition"),
    GROUP_LIFE_CYCLE("Group life cycle"),
    MARKS("Marks"),
    ROLLBACK("Rollback"),
    LOOKING("Looking at the record"),
    SESSION("Session"),
    META("Meta-commands");

    private final String title;

    HelpCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
