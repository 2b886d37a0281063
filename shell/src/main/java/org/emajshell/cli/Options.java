package org.emajshell.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line, psql-compatible where psql has an option for the same thing. */
@Command(name = "emaj-shell", sortOptions = false, versionProvider = Options.ShellVersion.class, usageHelpAutoWidth = true,
    description = "An interactive shell and script runner for E-Maj, PostgreSQL's updates recording extension.",
    footer = {"", "Connection defaults come from PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE and PGAPPNAME.",
        "Exit status: 0 ok, 1 fatal error, 2 connection lost, 3 error in a script.",
        "Without -c or -f, commands are read from the terminal, or from the standard input when it is not a terminal."})
public final class Options {

    /** --version prints the build's version. */
    static final class ShellVersion implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"emaj-shell " + Version.shell()};
        }
    }

    @Option(names = {"-h", "--host"}, paramLabel = "HOSTNAME", description = "database server host")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "database server port")
    Integer port;

    @Option(names = {"-U", "--username"}, paramLabel = "USERNAME", description = "database user name")
    String user;

    @Option(names = {"-d", "--dbname"}, paramLabel = "DBNAME", description = "database name, postgresql:// URI or key=value connection string")
    String database;

    /** One -c or -f, kept in command-line order as psql does. */
    static final class Action {
        @Option(names = {"-c", "--command"}, paramLabel = "COMMAND", required = true, description = "run a command (repeatable), then exit")
        String command;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true, description = "run the commands of a file (repeatable), then exit")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..*")
    List<Action> actions = new ArrayList<>();

    @Option(names = "--demo", description = "start a local throw-away server with a sample schema and group, and connect to it")
    boolean demo;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation before destructive commands")
    boolean yes;

    @Option(names = "--continue-on-error", description = "in scripts, go on after a failed command (default: stop, exit 3)")
    boolean continueOnError;

    @Option(names = {"-?", "--help"}, usageHelp = true, description = "show this help, then exit")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version, then exit")
    boolean version;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DBNAME", description = "database name or connection string (like psql)")
    String positionalDatabase;

    @Parameters(index = "1", arity = "0..1", paramLabel = "USERNAME", description = "database user name (like psql)")
    String positionalUser;
}
