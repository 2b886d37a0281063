package org.emajshell.exec;

import org.emajshell.command.MetaCommand;
import org.emajshell.connect.ConnectionFailure;
import org.emajshell.connect.Connector;
import org.emajshell.emaj.EmajError;
import org.emajshell.extension.EmajExtension;
import org.emajshell.extension.ExtensionInstaller;
import org.emajshell.render.ColorMode;

import java.nio.file.Path;
import java.sql.Connection;
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
            case "c":
                return connect(args);
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
                requireArgs(c, 1);
                return new Result.Include(Path.of(args.get(0)).toAbsolutePath()); // psql: from the current directory
            case "ir":
                requireArgs(c, 1);
                return new Result.Include(Path.of(args.get(0))); // from the running script's directory
            case "x":
                return display("expanded", args.isEmpty() ? null : args.get(0));
            case "timing":
                return display("timing", args.isEmpty() ? null : args.get(0));
            case "pset":
                return display(args.isEmpty() ? null : args.get(0), args.size() < 2 ? null : args.get(1));
            case "watch":
                throw new CommandError("\\watch repeats the previous command, in the interactive shell only",
                    "type the command, then \\watch [seconds] on the next line; Ctrl-C stops it");
            default:
                throw new CommandError("\\" + c.name() + " is not available in this version of the shell",
                    "\\? lists the backslash commands");
        }
    }

    /** \\pset, \\x, \\timing: display options live in the printer. */
    private static Result display(String option, String value) {
        return new Result.Streamed(printer -> {
            try {
                return new Result.Message(printer.set(option, value));
            } catch (IllegalArgumentException e) {
                throw new CommandError(e.getMessage(), "\\? shows the options of \\pset, \\x and \\timing");
            }
        });
    }

    private static void requireArgs(MetaCommand c, int count) throws CommandError {
        if (c.args().size() < count) {
            throw new CommandError("\\" + c.name() + " needs " + count + " argument" + (count == 1 ? "" : "s"),
                "\\? shows its synopsis");
        }
    }

    private Result set(List<String> args) throws CommandError {
        Map<String, String> vars = session.variables();
        if (args.isEmpty()) {
            return new Result.Message(vars.entrySet().stream()
                .map(e -> e.getKey() + " = '" + e.getValue() + "'")
                .collect(Collectors.joining("\n")));
        }
        String value = String.join("", args.subList(1, args.size()));
        if (args.get(0).equals(ColorMode.VARIABLE)) {
            try {
                ColorMode.parse(value); // as psql does for its own variables: a bad value is refused, the old one kept
            } catch (IllegalArgumentException e) {
                throw new CommandError(e.getMessage(), "\\set COLOR auto colors on a terminal without NO_COLOR");
            }
        }
        vars.put(args.get(0), value);
        return new Result.Nothing();
    }

    /** \c: a new connection from the current one's settings and what the arguments change. */
    private Result connect(List<String> args) throws CommandError, EmajError {
        Connector connector = session.connector().orElseThrow(() -> new CommandError(
            "\\c is not available in this session", "start emaj-shell with the connection you want"));
        Connection connection;
        try {
            connection = connector.reconnect(args);
        } catch (ConnectionFailure e) {
            throw new CommandError(e.getMessage() + "; the previous connection is kept", e.hint());
        }
        session.attach(connection);
        session.variables().putAll(connector.current().variables());
        return new Result.Message("You are now connected to " + connector.current().describe() + ".");
    }

    private String conninfo() throws EmajError {
        if (session.connector().isPresent() && session.connector().get().current() != null) {
            return "You are connected to " + session.connector().get().current().describe() + " (PostgreSQL "
                + session.info().serverVersion() + ", " + session.info().describeEmaj() + ").";
        }
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
