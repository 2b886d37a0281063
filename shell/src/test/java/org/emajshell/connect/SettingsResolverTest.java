package org.emajshell.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsResolverTest {

    private static ConnectionSettings resolve(Map<String, String> env, ConnectionRequest request) {
        return new SettingsResolver(env::get).resolve(request);
    }

    @Test
    void optionsWinOverEnvironmentWhichWinsOverDefaults() {
        ConnectionSettings s = resolve(Map.of("PGHOST", "envhost", "PGPORT", "6000", "PGUSER", "envuser"),
            new ConnectionRequest(null, "7000", null, "shop", null));

        assertThat(s.host()).isEqualTo("envhost");
        assertThat(s.port()).isEqualTo(7000);
        assertThat(s.user()).isEqualTo("envuser");
        assertThat(s.database()).isEqualTo("shop");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://envhost:7000/shop");
    }

    @Test
    void aPostgresqlUriGivesEveryPart() {
        ConnectionSettings s = resolve(Map.of(),
            new ConnectionRequest(null, null, null, null, "postgresql://dba:s%40cret@db.example.com:5433/my%20db?sslmode=require"));

        assertThat(s).extracting(ConnectionSettings::host, ConnectionSettings::port, ConnectionSettings::user,
            ConnectionSettings::database, ConnectionSettings::password, ConnectionSettings::sslMode)
            .containsExactly("db.example.com", 5433, "dba", "my db", "s@cret", "require");
    }

    @Test
    void aConninfoStringGivenAsDatabaseIsParsed() {
        ConnectionSettings s = resolve(Map.of(),
            new ConnectionRequest(null, null, null, "host=h1 port=5999 dbname='my db' user=u1", null));

        assertThat(s.host()).isEqualTo("h1");
        assertThat(s.port()).isEqualTo(5999);
        assertThat(s.database()).isEqualTo("my db");
        assertThat(s.user()).isEqualTo("u1");
    }

    @Test
    void thePasswordNeverShowsInTextForms() {
        ConnectionSettings s = resolve(Map.of("PGPASSWORD", "hunter2"), new ConnectionRequest("h", "5432", "u", "d", null));

        assertThat(s.password()).isEqualTo("hunter2");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(s.jdbcUrl()).doesNotContain("hunter2");
    }

    @Test
    void aBadPortIsExplained() {
        assertThatThrownBy(() -> resolve(Map.of("PGPORT", "fivefourthree"), new ConnectionRequest(null, null, null, null, null)))
            .hasMessage("invalid port \"fivefourthree\": give a number such as 5432");
    }

    @Test
    void aServiceFillsWhatTheCommandLineLeavesOutAndWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("services.conf");
        Files.writeString(services, """
            # comment
            [other]
            host=elsewhere

            [shop]
            host = db.example.com
            port=6543
            dbname=shop
            user=auditor
            sslmode=verify-full
            """);
        Map<String, String> env = Map.of("PGSERVICEFILE", services.toString(), "PGHOST", "envhost", "PGUSER", "envuser",
            "PGSERVICE", "shop");

        ConnectionSettings s = resolve(env, new ConnectionRequest(null, null, "dba", null, null));

        assertThat(s).extracting(ConnectionSettings::host, ConnectionSettings::port, ConnectionSettings::user,
            ConnectionSettings::database, ConnectionSettings::sslMode)
            .containsExactly("db.example.com", 6543, "dba", "shop", "verify-full");
        assertThatThrownBy(() -> resolve(env, new ConnectionRequest(null, null, null, "service=nope", null)))
            .hasMessageStartingWith("definition of service \"nope\" not found (looked in " + services);
    }

    @Test
    void thePasswordFileMatchesHostPortDatabaseAndUserWithWildcardsAndEscapes(@TempDir Path home) throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, """
            db1:5432:shop:alice:first
            db1:*:*:alice:second
            *:*:*:b\\:ob:with\\:colon
            """);
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = Map.of("HOME", home.toString());

        assertThat(resolve(env, new ConnectionRequest("db1", "5432", "alice", "shop", null)).password()).isEqualTo("first");
        assertThat(resolve(env, new ConnectionRequest("db1", "5433", "alice", "shop", null)).password()).isEqualTo("second");
        assertThat(resolve(env, new ConnectionRequest("db1", "5433", "alice", "shop", null)).passwordSource())
            .isEqualTo(pgpass.toString());
        assertThat(resolve(env, new ConnectionRequest("db9", "1", "b:ob", "x", null)).password()).isEqualTo("with:colon");
        assertThat(resolve(env, new ConnectionRequest("db2", "5432", "alice", "shop", null)).password()).isNull();
        assertThat(resolve(Map.of("HOME", home.toString(), "PGPASSWORD", "env"), new ConnectionRequest("db1", "5432", "alice", "shop", null))
            .passwordSource()).isEqualTo("PGPASSWORD");

        Path other = home.resolve("other-pass");
        Files.writeString(other, "*:*:*:*:from-pgpassfile\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        assertThat(resolve(Map.of("HOME", home.toString(), "PGPASSFILE", other.toString()),
            new ConnectionRequest("db1", "5432", "alice", "shop", null)).password()).isEqualTo("from-pgpassfile");

        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r-----"));
        List<String> warnings = new ArrayList<>();
        ConnectionSettings ignored = new SettingsResolver(env::get, home, List.of(), warnings::add)
            .resolve(new ConnectionRequest("db1", "5432", "alice", "shop", null));
        assertThat(ignored.password()).isNull();
        assertThat(warnings).singleElement().asString().contains("has group or world access");
    }

    @Test
    void unixSocketHostsAreDirectoriesAndTheDefaultSocketIsFoundLikeLibpqDoes(@TempDir Path dir) throws Exception {
        ConnectionSettings viaOption = resolve(Map.of(), new ConnectionRequest("/var/run/postgresql", "5433", "u", "d", null));
        assertThat(viaOption.isUnixSocket()).isTrue();
        assertThat(viaOption.socketFile()).isEqualTo(Path.of("/var/run/postgresql/.s.PGSQL.5433"));
        assertThat(viaOption.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/d");
        assertThat(viaOption.jdbcProperties()).containsEntry("socketFactory", UnixSocketFactory.class.getName())
            .containsEntry("socketFactoryArg", "/var/run/postgresql/.s.PGSQL.5433").containsEntry("sslmode", "disable");
        assertThat(viaOption.describe()).isEqualTo("database \"d\" as user \"u\" via socket in \"/var/run/postgresql\" at port \"5433\"");

        ConnectionSettings viaUri = resolve(Map.of(), new ConnectionRequest(null, null, null, "postgresql://u@%2Ftmp%2Fpg:5444/d", null));
        assertThat(viaUri.host()).isEqualTo("/tmp/pg");
        ConnectionSettings viaQuery = resolve(Map.of(), new ConnectionRequest(null, null, null, "postgresql:///d?host=/tmp/pg2", null));
        assertThat(viaQuery.host()).isEqualTo("/tmp/pg2");

        Files.createFile(dir.resolve(".s.PGSQL.5999"));
        SettingsResolver withSockets = new SettingsResolver(Map.<String, String>of()::get, null, List.of(dir), w -> { });
        assertThat(withSockets.resolve(new ConnectionRequest(null, "5999", "u", "d", null)).host()).isEqualTo(dir.toString());
        assertThat(withSockets.resolve(new ConnectionRequest(null, "5432", "u", "d", null)).host()).isEqualTo("localhost");
    }

    @Test
    void badConnectionStringsAreExplainedWithoutQuotingTheirValues() {
        assertThatThrownBy(() -> resolve(Map.of(), new ConnectionRequest(null, null, null, "host=h passwd=hunter2", null)))
            .hasMessage("invalid connection option \"passwd\"");
        assertThatThrownBy(() -> resolve(Map.of(), new ConnectionRequest(null, null, null, "host=h password='hunter2", null)))
            .hasMessage("unterminated quoted value for \"password\" in the connection string");
        assertThatThrownBy(() -> resolve(Map.of(), new ConnectionRequest(null, null, null, "target_session_attrs=writable", null)))
            .hasMessage("invalid target_session_attrs value \"writable\": one of any, read-write, read-only, primary,"
                + " standby, prefer-standby");
    }

    @Test
    void passwordsAreMaskedInEchoedText() {
        assertThat(Conninfo.redact("\\c host=h password=hunter2 user=u")).isEqualTo("\\c host=h password=******** user=u");
        assertThat(Conninfo.redact("password='hunter 2' host=h")).isEqualTo("password=******** host=h");
        assertThat(Conninfo.redact("REPLAY SINCE 'a' ON 'postgresql://u:hunter2@h/db?sslmode=require'"))
            .isEqualTo("REPLAY SINCE 'a' ON 'postgresql://u:********@h/db?sslmode=require'");
        assertThat(Conninfo.redact("postgresql://h/db?password=hunter2&x=1")).isEqualTo("postgresql://h/db?password=********&x=1");
        assertThat(Conninfo.redact("SHOW GROUPS")).isEqualTo("SHOW GROUPS");
    }

    @Test
    void severalHostsAreTriedInOrderWithOnePortEachOrOneForAll() {
        ConnectionSettings each = resolve(Map.of(), new ConnectionRequest(null, null, "u", null,
            "host=db1,db2 port=5432,5433 dbname=shop"));
        ConnectionSettings oneForAll = resolve(Map.of(), new ConnectionRequest(null, null, "u", null,
            "host=db1,db2 port=5433 dbname=shop"));
        ConnectionSettings fromUri = resolve(Map.of(), new ConnectionRequest(null, null, null, null,
            "postgresql://u@db1:5432,[::1]:5433,db3/shop"));
        ConnectionSettings fromEnv = resolve(Map.of("PGHOST", "db1,db2", "PGPORT", "5432,5433"),
            new ConnectionRequest(null, null, "u", "shop", null));

        assertThat(each.endpoints()).containsExactly(new Endpoint("db1", 5432), new Endpoint("db2", 5433));
        assertThat(each.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432,db2:5433/shop");
        assertThat(each.describe()).isEqualTo("database \"shop\" as user \"u\" on hosts \"db1:5432,db2:5433\"");
        assertThat(oneForAll.endpoints()).containsExactly(new Endpoint("db1", 5433), new Endpoint("db2", 5433));
        assertThat(fromUri.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432,[::1]:5433,db3:5432/shop");
        assertThat(fromEnv.endpoints()).isEqualTo(each.endpoints());
        // -h db1,db2 -p 5432,5433, as psql takes them
        assertThat(resolve(Map.of(), new ConnectionRequest("db1,db2", "5432,5433", "u", "shop", null)).endpoints())
            .isEqualTo(each.endpoints());
    }

    @Test
    void hostAndPortListsThatDoNotMatchAreRefused() {
        assertThatThrownBy(() -> resolve(Map.of(), new ConnectionRequest(null, null, "u", "d", "host=a,b,c port=1,2")))
            .hasMessage("could not match 2 port numbers to 3 hosts");
        assertThatThrownBy(() -> resolve(Map.of(), new ConnectionRequest(null, null, "u", "d", "host=db1,/tmp")))
            .hasMessageContaining("a Unix-socket directory cannot be one of several hosts");
        assertThatThrownBy(() -> resolve(Map.of(), new ConnectionRequest(null, null, "u", "d", "host=a,b port=1,x")))
            .hasMessage("invalid port \"x\": give a number such as 5432");
        assertThatThrownBy(() -> resolve(Map.of(), new ConnectionRequest("db1", "54x32", "u", "d", null)))
            .hasMessage("invalid port \"54x32\": give a number such as 5432");
    }

    @Test
    void targetSessionAttrsBecomeTheDriversTargetServerType() {
        Map<String, String> expected = Map.of("any", "any", "read-write", "primary", "primary", "primary",
            "read-only", "secondary", "standby", "secondary", "prefer-standby", "preferSecondary");
        expected.forEach((libpq, pgjdbc) -> assertThat(resolve(Map.of(), new ConnectionRequest(null, null, "u", "d",
            "host=db1,db2 target_session_attrs=" + libpq)).jdbcProperties().getProperty("targetServerType"))
            .as(libpq).isEqualTo(pgjdbc));
        assertThat(resolve(Map.of("PGTARGETSESSIONATTRS", "standby"), new ConnectionRequest("db1,db2", null, "u", "d", null))
            .jdbcProperties().getProperty("targetServerType")).isEqualTo("secondary");
    }
}
