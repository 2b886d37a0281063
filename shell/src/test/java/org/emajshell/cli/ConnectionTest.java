package org.emajshell.cli;

import org.emajshell.connect.ConnectionFailure;
import org.emajshell.connect.ConnectionRequest;
import org.emajshell.connect.Connector;
import org.emajshell.connect.SettingsResolver;
import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connections as libpq users expect them, through the real program: environment variables,
 * service files, password files, Unix sockets, \c. Passwords are checked where they arrive, at a
 * stand-in server that asks for them, and looked for in everything the program printed.
 */
class ConnectionTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @TempDir
    Path dir;

    private String port() {
        return db.connectionArgs().get(3);
    }

    private String host() {
        return db.connectionArgs().get(1);
    }

    private static void assertNeverShown(ShellProcess.Outcome outcome, String password) {
        assertThat(outcome.out()).doesNotContain(password);
        assertThat(outcome.err()).doesNotContain(password);
    }

    private Path privateFile(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void passwordsComeFromPgpassServicesAndTheEnvironmentAndAreNeverPrinted() throws Exception {
        try (PasswordProbeServer probe = new PasswordProbeServer()) {
            String p = Integer.toString(probe.port());
            Path home = Files.createDirectories(dir.resolve("home"));
            Path pgpass = home.resolve(".pgpass");
            Files.writeString(pgpass, """
                # host:port:database:user:password
                other:*:*:*:wrong
                127.0.0.1:%s:shop:alice:pgpass-s3cret
                *:*:*:bob:bob\\:s3cret
                """.formatted(p));
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
            Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));

            ShellProcess.Outcome fromPgpass = ShellProcess.run(List.of("-X", "-h", "127.0.0.1", "-p", p, "-U", "alice",
                "-d", "shop", "-c", "SELECT 1"), null, env);

            assertThat(fromPgpass.exitCode()).isEqualTo(2);
            assertThat(probe.attempts().get(0).password()).isEqualTo("pgpass-s3cret");
            assertThat(probe.attempts().get(0).parameters()).containsEntry("user", "alice").containsEntry("database", "shop");
            assertThat(fromPgpass.err()).contains("password authentication failed for user \"alice\"")
                .contains("the password came from " + pgpass);
            assertNeverShown(fromPgpass, "pgpass-s3cret");

            Path service = privateFile("services.conf", """
                [probe]
                host=127.0.0.1
                port=%s
                user=bob
                dbname=audit
                """.formatted(p));
            env.put("PGSERVICEFILE", service.toString());
            ShellProcess.Outcome fromService = ShellProcess.run(List.of("-X", "-d", "service=probe", "-c", "SELECT 1"), null, env);

            assertThat(fromService.exitCode()).isEqualTo(2);
            assertThat(probe.attempts().get(1).parameters()).containsEntry("user", "bob").containsEntry("database", "audit");
            assertThat(probe.attempts().get(1).password()).isEqualTo("bob:s3cret");
            assertNeverShown(fromService, "bob:s3cret");

            env.put("PGSERVICE", "probe");
            env.put("PGPASSWORD", "env-s3cret");
            ShellProcess.Outcome fromEnvironment = ShellProcess.run(List.of("-X", "--echo", "-c", "SELECT 1"), null, env);

            assertThat(probe.attempts().get(2).password()).isEqualTo("env-s3cret");
            assertThat(fromEnvironment.err()).contains("the password came from PGPASSWORD");
            assertNeverShown(fromEnvironment, "env-s3cret");

            ShellProcess.Outcome fromUri = ShellProcess.run(List.of("-X", "postgresql://carol:uri-s3cret@127.0.0.1:" + p + "/x",
                "-c", "SELECT 1"), null, Map.of("HOME", home.toString()));

            assertThat(probe.attempts().get(3).password()).isEqualTo("uri-s3cret");
            assertNeverShown(fromUri, "uri-s3cret");

            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
            ShellProcess.Outcome openFile = ShellProcess.run(List.of("-X", "-h", "127.0.0.1", "-p", p, "-U", "alice",
                "-d", "shop", "-c", "SELECT 1"), null, Map.of("HOME", home.toString()));

            assertThat(openFile.exitCode()).isEqualTo(2);
            assertThat(openFile.err()).contains("password file \"" + pgpass + "\" has group or world access")
                .contains("the server asks for a password for user \"alice\", and there is no terminal to ask for it on")
                .contains("-W");
            assertNeverShown(openFile, "pgpass-s3cret");

            ShellProcess.Outcome never = ShellProcess.run(List.of("-X", "-w", "-h", "127.0.0.1", "-p", p, "-U", "dave",
                "-c", "SELECT 1"), null, Map.of("HOME", dir.toString()));

            assertThat(never.exitCode()).isEqualTo(2);
            assertThat(never.err()).contains("-w (--no-password) forbids asking for one");
            assertThat(probe.attempts()).hasSize(4);
        }
    }

    @Test
    void echoAndErrorMessagesMaskPasswords() throws Exception {
        List<String> args = new ArrayList<>(db.connectionArgs());
        args.addAll(List.of("-X", "--echo", "--continue-on-error",
            "-c", "\\c postgresql://erin:s3cret-uri@127.0.0.1:1/shop",
            "-c", "SHOW GROUPS 'postgresql://erin:s3cret-syntax@h/db';",
            "-c", "ALTER ROLE nobody_here PASSWORD 's3cret-sql';"));

        ShellProcess.Outcome outcome = ShellProcess.run(args, null, Map.of("HOME", dir.toString()));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.out() + outcome.err())
            .contains("\\c postgresql://erin:********@127.0.0.1:1/shop")
            .contains("  SHOW GROUPS 'postgresql://erin:*************@h/db';\n              ^")
            .contains("ALTER ROLE nobody_here PASSWORD '********';")
            .contains("role \"nobody_here\" does not exist");
        assertNeverShown(outcome, "s3cret");
    }

    @Test
    void thePromptIsUsedWhenTheServerAsksAndFirstWithDashW() throws Exception {
        try (PasswordProbeServer probe = new PasswordProbeServer()) {
            List<String> asked = new ArrayList<>();
            Connector.PasswordPrompt prompt = text -> {
                asked.add(text);
                return "typed-s3cret".toCharArray();
            };
            SettingsResolver resolver = new SettingsResolver(Map.of("HOME", dir.toString())::get);
            ConnectionRequest request = new ConnectionRequest("127.0.0.1", String.valueOf(probe.port()), "erin", "shop", null);

            assertThatThrownBy(() -> new Connector(resolver, Connector.PasswordMode.IF_NEEDED, prompt).open(request))
                .isInstanceOf(ConnectionFailure.class)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("typed-s3cret");
            assertThat(asked).containsExactly("Password for user erin: ");
            assertThat(probe.attempts()).extracting(PasswordProbeServer.Attempt::password).containsExactly("typed-s3cret");

            ConnectionRequest withPassword = new ConnectionRequest("127.0.0.1", String.valueOf(probe.port()), "erin", null,
                "password=known");
            assertThatThrownBy(() -> new Connector(resolver, Connector.PasswordMode.ALWAYS, prompt).open(withPassword))
                .isInstanceOf(ConnectionFailure.class);
            assertThat(asked).hasSize(2);
            assertThat(probe.attempts().get(1).password()).isEqualTo("typed-s3cret");

            Connector.PasswordPrompt noTerminal = text -> null;
            assertThatThrownBy(() -> new Connector(resolver, Connector.PasswordMode.IF_NEEDED, noTerminal).open(request))
                .isInstanceOfSatisfying(ConnectionFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectionFailure.Kind.SERVER);
                    assertThat(e.getMessage()).contains("there is no terminal to ask for it on");
                    assertThat(e.hint()).contains("PGPASSWORD", "~/.pgpass");
                });
        }
    }

    @Test
    void environmentVariablesChooseTheServerAndTheDatabase() throws Exception {
        Map<String, String> env = Map.of("PGHOST", host(), "PGPORT", port(), "PGUSER", "postgres", "PGDATABASE", db.name(),
            "PGAPPNAME", "from-env", "HOME", dir.toString());

        ShellProcess.Outcome outcome = ShellProcess.run(List.of("-X", "-c", "\\conninfo",
            "-c", "SELECT current_database() AS db, current_setting('application_name') AS app"), null, env);

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("You are connected to database \"" + db.name() + "\" as user \"postgres\" on host \""
            + host() + "\" at port \"" + port() + "\"").contains("from-env");
    }

    @Test
    void severalHostsConnectToTheFirstThatAnswersAndConninfoNamesIt() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort(); // nothing listens there once it is closed
        }
        Map<String, String> env = Map.of("PGHOST", "127.0.0.1," + host(), "PGPORT", closed + "," + port(),
            "PGUSER", "postgres", "PGDATABASE", db.name(), "HOME", dir.toString());
        String conninfo = "host=127.0.0.1," + host() + " port=" + closed + "," + port() + " target_session_attrs=read-write";
        String uri = "postgresql://postgres@127.0.0.1:" + closed + "," + host() + ":" + port() + "/" + db.name();

        ShellProcess.Outcome outcome = ShellProcess.run(List.of("-X", "-c", "\\conninfo",
            "-c", "\\c '" + conninfo + "'", "-c", "\\c " + uri,
            "-c", "\\c postgres", // names no host: stays on the one reached
            "-c", "\\echo now on :HOST :PORT"), null, env);

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        String reached = "on host \"" + host() + "\" at port \"" + port() + "\"";
        assertThat(outcome.out())
            .contains("You are connected to database \"" + db.name() + "\" as user \"postgres\" " + reached)
            .contains("You are now connected to database \"" + db.name() + "\" as user \"postgres\" " + reached)
            .contains("You are now connected to database \"postgres\" as user \"postgres\" " + reached)
            .contains("now on " + host() + " " + port());
    }

    @Test
    void unixSocketsServicesAndBackslashC() throws Exception {
        Path socketDir = Path.of("/tmp");
        Assumptions.assumeTrue(Files.exists(socketDir.resolve(".s.PGSQL." + port())),
            "the test server has no Unix socket in /tmp (EMAJ_TEST_URL names a remote server)");
        Path service = privateFile("pg_service.conf", """
            # the test database, through its Unix socket
            [emaj-test]
            host=/tmp
            port=%s
            user=postgres
            dbname=%s
            """.formatted(port(), db.name()));
        Map<String, String> env = Map.of("PGSERVICEFILE", service.toString(), "PGSERVICE", "emaj-test", "HOME", dir.toString());
        Path script = dir.resolve("connections.emaj");
        Files.writeString(script, """
            \\conninfo
            \\c postgres
            SELECT current_database() AS now_in;
            \\c :"TESTDB" - - -
            \\echo back in :DBNAME via :HOST
            \\c 'host=127.0.0.1 dbname=nope'
            \\echo still in :DBNAME
            """);

        ShellProcess.Outcome outcome = ShellProcess.run(List.of("-X", "--continue-on-error", "-v", "TESTDB=" + db.name(),
            "-f", script.toString()), null, env);

        assertThat(outcome.out())
            .contains("You are connected to database \"" + db.name() + "\" as user \"postgres\" via socket in \"/tmp\" at port \""
                + port() + "\"")
            .contains("You are now connected to database \"postgres\" as user \"postgres\" via socket in \"/tmp\"")
            .containsPattern("(?m)^ postgres$")
            .contains("back in " + db.name() + " via /tmp")
            .contains("still in " + db.name());
        assertThat(outcome.err()).contains("connections.emaj:6: ERROR: could not connect to database \"nope\"")
            .contains("the previous connection is kept");
        assertThat(outcome.exitCode()).isEqualTo(3);
    }
}
