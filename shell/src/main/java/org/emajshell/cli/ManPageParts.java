package org.emajshell.cli;

import org.emajshell.command.help.HelpCategory;
import org.emajshell.command.help.HelpEntry;
import org.emajshell.command.help.HelpTopics;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the generated parts of the man page (man/emaj-shell.adoc includes them), so that the
 * page cannot drift from the program: {@code options.adoc} from the picocli model of
 * {@link Options}, {@code commands.adoc} and {@code meta-commands.adoc} from {@link HelpTopics},
 * the texts HELP shows. The build runs it before rendering the page.
 */
public final class ManPageParts {

    /** The sections of OPTIONS, by the first option of each. */
    private static final Map<String, String> OPTION_SECTIONS = Map.of(
        "--host", "Connection",
        "--command", "Scripts",
        "--format", "Output and start-up");

    private ManPageParts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPageParts OUTPUT-DIRECTORY");
            System.exit(1);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        write(dir.resolve("options.adoc"), options());
        write(dir.resolve("commands.adoc"), commands());
        write(dir.resolve("meta-commands.adoc"), metaCommands());
    }

    /** Writes only a changed part, so that the build can tell the page is up to date. */
    private static void write(Path file, String text) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String options() {
        CommandLine.Model.CommandSpec spec = new CommandLine(new Options()).getCommandSpec();
        StringBuilder b = new StringBuilder();
        List<OptionSpec> options = spec.options();
        for (OptionSpec o : options) {
            String section = OPTION_SECTIONS.get(o.longestName());
            if (section != null) {
                b.append("\n=== ").append(section).append("\n\n");
            }
            b.append(String.join(", ", List.of(o.names()).stream().map(n -> "*" + n + "*").toList()));
            if (o.arity().max() > 0) {
                b.append(" _").append(o.paramLabel()).append('_');
            }
            b.append("::\n  ").append(escape(capitalize(String.join(" ", o.description())))).append(".\n");
        }
        b.append("\n=== Arguments\n\n");
        for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
            b.append('_').append(p.paramLabel()).append("_::\n  ")
                .append(escape(capitalize(String.join(" ", p.description())))).append(".\n");
        }
        return b.toString();
    }

    static String commands() {
        StringBuilder b = new StringBuilder();
        for (HelpCategory category : HelpCategory.values()) {
            if (category == HelpCategory.META) {
                continue;
            }
            b.append("\n=== ").append(category.title()).append("\n");
            for (HelpEntry e : HelpTopics.entries(category)) {
                entry(b, e, "====");
            }
        }
        b.append("\n=== SQL and shell commands\n\n").append(escape(HelpTopics.SQL_NOTES)).append('\n');
        return b.toString();
    }

    static String metaCommands() {
        StringBuilder b = new StringBuilder();
        for (HelpEntry e : HelpTopics.entries(HelpCategory.META)) {
            entry(b, e, "===");
        }
        return b.toString();
    }

    private static void entry(StringBuilder b, HelpEntry e, String heading) {
        b.append('\n').append(heading).append(' ').append(escape(e.name())).append("\n\n")
            .append(escape(capitalize(e.summary()))).append(".\n\n")
            .append("----\n").append(e.synopsis()).append("\n----\n\n")
            .append(escape(e.description())).append("\n\n")
            .append("Example:\n\n")
            .append("----\n").append(e.example()).append("\n----\n");
        if (!e.aliases().isEmpty()) {
            b.append("\nAlso: ").append(escape(String.join(", ", e.aliases())))
                .append(".\n");
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Keeps AsciiDoc from reading the help texts' punctuation (*, _, `, \\, ...) as markup. */
    static String escape(String text) {
        return "pass:c[" + text.replace("]", "\\]") + "]";
    }
}
