package org.emajshell.connect;

import org.junit.jupiter.api.Test;

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
            new ConnectionRequest(null, 7000, null, "shop", null));

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
        ConnectionSettings s = resolve(Map.of("PGPASSWORD", "hunter2"), new ConnectionRequest("h", 5432, "u", "d", null));

        assertThat(s.password()).isEqualTo("hunter2");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(s.jdbcUrl()).doesNotContain("hunter2");
    }

    @Test
    void aBadPortIsExplained() {
        assertThatThrownBy(() -> resolve(Map.of("PGPORT", "fivefourthree"), new ConnectionRequest(null, null, null, null, null)))
            .hasMessage("invalid port \"fivefourthree\": give a number such as 5432");
    }
}
