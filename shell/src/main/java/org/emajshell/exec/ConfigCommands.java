package org.emajshell.exec;

import org.emajshell.command.ExportConfiguration;
import org.emajshell.command.GenerateSql;
import org.emajshell.command.ImportConfiguration;
import org.emajshell.command.SnapGroup;
import org.emajshell.emaj.BackendActivity;
import org.emajshell.emaj.EmajError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * EXPORT / IMPORT CONFIGURATION and GENERATE SQL work with files on the machine running the
 * shell (E-Maj's JSON and temp-table variants are used, so no server file rights are needed);
 * SNAP GROUP writes into a directory of the server, as emaj_snap_group does.
 */
final class ConfigCommands {

    private final Session session;

    ConfigCommands(Session session) {
        this.session = session;
    }

    Result export(ExportConfiguration c) throws EmajError, CommandError {
        String json = session.emaj().exportGroupsConfiguration(c.groups());
        if (c.file() == null) {
            return new Result.Message(json);
        }
        write(Path.of(c.file()), json + "\n");
        return new Result.Message("Configuration of " + (c.groups().isEmpty() ? "all groups" : GroupCommands.groupsPhrase(c.groups()))
            + " written to " + c.file() + ".");
    }

    Result importConfiguration(ImportConfiguration c) throws EmajError, CommandError {
        String json;
        try {
            json = Files.readString(Path.of(c.file()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandError("cannot read " + c.file() + ": " + e.getMessage(), "check the path (it is read by the shell, not the server)");
        }
        int count = session.emaj().importGroupsConfiguration(json, c.groups(), c.replace(), null);
        return new Result.Message(Plural.of(count, "group") + " imported from " + c.file() + ".");
    }

    Result generateSql(GenerateSql c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        List<String> relations = c.tables().stream()
            .map(q -> q.schema() == null ? q.name() : q.schema() + "." + q.name()).toList();
        // The server builds the script table by table (most of the time; reading and writing its
        // lines is quick): a progress bar follows it through the log tables it locks.
        return new Result.Streamed(printer -> {
            TablesReached reached = TablesReached.of(session, activity -> activity
                .logTables(List.of(group), c.since(), c.until(), BackendActivity.LogOrder.SCRIPT).stream()
                .filter(t -> relations.isEmpty() || relations.contains(t.name())).toList(), false);
            try (LiveProgress watch = LiveProgress.start(session, reached, printer.progress(), "script")) {
                List<String> lines = session.emaj().generateSql(group, c.since(), c.until(), relations);
                String script = String.join("\n", lines) + "\n";
                if (c.file() != null) {
                    write(Path.of(c.file()), script);
                }
                watch.finish(LiveProgress.facts(reached.allDone(), LiveProgress.count(lines.size()) + " lines"));
                if (c.file() == null) {
                    return new Result.Message(script.stripTrailing());
                }
                return new Result.Message("Replay script of group " + group + " since '" + c.since() + "' written to "
                    + c.file() + " (" + Plural.of(lines.size(), "line") + ").");
            }
        });
    }

    Result snap(SnapGroup c) throws EmajError, CommandError {
        String group = GroupResolver.group(c.group(), session);
        // The server copies the tables one after the other: a progress bar follows the copies.
        return new Result.Streamed(printer -> {
            TablesReached reached = TablesReached.of(session, activity -> activity.snapTables(group), true);
            try (LiveProgress watch = LiveProgress.start(session, reached, printer.progress(), "snapshot")) {
                int count = session.emaj().snapGroup(group, c.directory());
                watch.finish(reached.allDone());
                return new Result.Message("Snapshot of group " + group + " (" + Plural.relations(count)
                    + ") written by the server into " + c.directory() + ".");
            }
        });
    }

    private static void write(Path file, String text) throws CommandError {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandError("cannot write " + file + ": " + e.getMessage(), "check the path and its rights");
        }
    }

}
