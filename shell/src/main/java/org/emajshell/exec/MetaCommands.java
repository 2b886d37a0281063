package org.emajshell.exec;

import org.emajshell.command.MetaCommand;
import org.emajshell.emaj.EmajError;
import org.emajshell.extension.EmajExtension;
import org.emajshell.extension.ExtensionInstaller;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Backslash commands (psql habits) and INSTALL EMAJ. */
final class MetaCommands {

    private final Session session;

    MetaCommands(Session session) {
        this.session = session;
    }

    Result run(MetaCommand c) throws CommandError, EmajError {
        List<String> args = c.args();
        switch (c.name()) {
            case "q":
            case "quit":
                return new Result.Quit();
            case "conninfo":
                return new Result.Message(conninfo());
            case "set":
                return set(args);
            case "unset":
                requireArgs(c, 1);
                session.variables().remove(args.get(0));
                return new Result.Nothing();
            case "?":
                return HelpCommands.metaHelp();
            case "h":
                return HelpCommands.help(String.join(" ", args));
            case "echo":
                return new Result.Message(String.join(" ", args));
            case "i":
            case "include":
            case "ir":
            case "include_relative":
                requireArgs(c, 1);
                return new Result.Include(Path.of(args.get(0)));
            default:
                throw new CommandError("\\" + c.name() + " is not available in this version of the shell",
                    "\\? lists the backslash commands");
        }
    }

    private static void requireArgs(MetaCommand c, int count) throws CommandError {
        if (c.args().size() < count) {
            throw new CommandError("\\" + c.name() + " needs " + count + " argument" + (count == 1 ? "" : "s"),
                "\\? shows its synopsis");
        }
    }

    private Result set(List<String> args) {
        Map<String, String> vars = session.variables();
        if (args.isEmpty()) {
            return new Result.Message(vars.entrySet().stream()
                .map(e -> e.getKey() + " = '" + e.getValue() + "'")
                .collect(Collectors.joining("\n")));
        }
        vars.put(args.get(0), String.join("", args.subList(1, args.size())));
        return new Result.Nothing();
    }

    private String conninfo() throws EmajError {
        try {
            var md = session.connection().getMetaData();
            return "You are connected to database \"" + session.info().database() + "\" as user \"" + md.getUserName()
                + "\" via " + md.getURL().replaceFirst("\\?.*$", "") + " (PostgreSQL " + session.info().serverVersion()
                + ", " + session.info().describeEmaj() + ").";
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
    }

    Result installEmaj() throws EmajError, CommandError {
        if (session.info().installed()) {
            throw new CommandError("emaj is already installed in database \"" + session.info().database() + "\" ("
                + session.info().describeEmaj() + ")", null);
        }
        ExtensionInstaller installer = new ExtensionInstaller(EmajExtension.bundled());
        String how;
        try {
            if (ExtensionInstaller.isAvailable(session.connection())) {
                installer.createExtension(session.connection());
                how = "as an extension (CREATE EXTENSION emaj CASCADE)";
            } else {
                installer.installPlainScript(session.connection());
                how = "as a plain script (the server has no emaj extension files)";
            }
        } catch (SQLException e) {
            throw EmajError.of(e);
        }
        session.refreshInfo();
        return new Result.Message("Installed " + session.info().describeEmaj() + " " + how + ".");
    }
}
