package org.emajshell.cli;

import org.emajshell.render.OutputFormat;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, psql's where psql has an option for the same thing. The man page's OPTIONS
 * section is generated from these annotations ({@link ManPageParts}): keep descriptions short,
 * in the imperative, without a final period.
 */
@Command(name = "emaj-shell", sortOptions = false, versionProvider = Options.ShellVersion.class, usageHelpAutoWidth = true,
    description = "An interactive shell and script runner for E-Maj, PostgreSQL's updates recording extension.",
    footer = {"", "Connection defaults come from PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSERVICE, PGSSLMODE and"
        + " PGAPPNAME, ~/.pgpass and ~/.pg_service.conf, as in psql.",
        "Exit status: 0 ok, 1 fatal error, 2 connection failed or lost, 3 error in a script.",
        "Without -c or -f, commands are read from the terminal, or from the standard input when it is not a terminal.",
        "See man emaj-shell for the commands, the variables and the JSON output."})
public final class Options {

    /** --version prints the build's version. */
    static final class ShellVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"emaj-shell " + Version.shell()};
        }
    }

    /** Accepts the format names in any case: aligned, expanded, csv, json, markdown. */
    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    // Connection -------------------------------------------------------------------------------

    @Option(names = {"-h", "--host"}, paramLabel = "HOSTNAME",
        description = "database server host, or the directory of its Unix socket (starts with /)")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
        description = "database server port (a comma-separated list, one per host, as libpq takes)")
    String port;

    @Option(names = {"-U", "--username"}, paramLabel = "USERNAME", description = "database user name")
    String user;

    @Option(names = {"-d", "--dbname"}, paramLabel = "DBNAME",
        description = "database name, postgresql:// URI or key=value connection string")
    String database;

    @Option(names = {"-w", "--no-password"}, description = "never ask for a password: fail if the server wants one that is not known")
    boolean noPassword;

    @Option(names = {"-W", "--password"}, description = "ask for the password before connecting")
    boolean askPassword;

    // Scripts ------------------------------------------------------------------------------------

    /** One -c or -f, kept in command-line order as psql does. */
    static final class Action {
        @Option(names = {"-c", "--command"}, paramLabel = "COMMAND", required = true,
            description = "run a command (repeatable, in order with -f), then exit")
        String command;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true,
            description = "run the commands of a file (repeatable, in order with -c; - is the standard input), then exit")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..*")
    List<Action> actions = new ArrayList<>();

    @Option(names = {"-v", "--set", "--variable"}, paramLabel = "NAME=VALUE",
        description = "set a variable, as \\set does (repeatable); NAME alone unsets it")
    List<String> variables = new ArrayList<>();

    @Option(names = {"-1", "--single-transaction"},
        description = "run the scripts as one transaction: all or nothing (not with \\c nor PARALLEL rollbacks)")
    boolean singleTransaction;

    @Option(names = "--continue-on-error",
        description = "in scripts, go on after a failed command and exit 3 at the end (default: stop at once, exit 3)")
    boolean continueOnError;

    @Option(names = {"-e", "--echo"}, description = "print each command before running it (passwords masked)")
    boolean echo;

    @Option(names = {"-q", "--quiet"}, description = "print results and errors only, no status messages")
    boolean quiet;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation before destructive commands")
    boolean yes;

    // Output and start-up ---------------------------------------------------------------------------

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
        description = "output format: aligned (default), expanded, csv, json or markdown")
    OutputFormat format;

    @Option(names = {"-X", "--no-config"}, description = "do not run the start-up file (~/.emajshellrc, ...)")
    boolean noConfig;

    @Option(names = "--demo", description = "start a local throw-away server with a sample schema and group, and connect to it")
    boolean demo;

    @Option(names = {"-?", "--help"}, usageHelp = true, description = "show this help, then exit")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version, then exit")
    boolean version;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DBNAME", description = "database name or connection string (like psql)")
    String positionalDatabase;

    @Parameters(index = "1", arity = "0..1", paramLabel = "USERNAME", description = "database user name (like psql)")
    String positionalUser;

    /** -v NAME=VALUE in order; a null value unsets. */
    Map<String, String> variableAssignments() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String assignment : variables) {
            int eq = assignment.indexOf('=');
            String name = eq < 0 ? assignment : assignment.substring(0, eq);
            if (name.isBlank()) {
                throw new IllegalArgumentException("invalid variable assignment \"" + assignment + "\": use -v NAME=VALUE");
            }
            map.put(name, eq < 0 ? null : assignment.substring(eq + 1));
        }
        return map;
    }
}
