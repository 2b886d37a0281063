package org.emajshell.connect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection strings as libpq reads them, and the masking of the passwords they hold. */
class ConninfoTest {

    @Test
    void redactMasksEveryFormOfPassword() {
        assertThat(Conninfo.redact("\\c postgres://erin:s3cret@db1:5433/shop")).isEqualTo("\\c postgres://erin:********@db1:5433/shop");
        assertThat(Conninfo.redact("\\c host=db1 PASSWORD = s3cret")).isEqualTo("\\c host=db1 PASSWORD = ********");
        assertThat(Conninfo.redact("PGPASSWORD=s3cret")).isEqualTo("PGPASSWORD=********");
        assertThat(Conninfo.redact("ALTER ROLE erin PASSWORD 's3''cret';")).isEqualTo("ALTER ROLE erin PASSWORD '********';");
        assertThat(Conninfo.redact("CREATE USER erin ENCRYPTED password E's3\\'cret' LOGIN"))
            .isEqualTo("CREATE USER erin ENCRYPTED password E'********' LOGIN");
        assertThat(Conninfo.redact("CREATE ROLE erin PASSWORD $pw$s3cret$pw$;")).isEqualTo("CREATE ROLE erin PASSWORD ********;");
        assertThat(Conninfo.redact("ALTER ROLE erin PASSWORD NULL;")).isEqualTo("ALTER ROLE erin PASSWORD NULL;");
    }

    @Test
    void aUriWithoutPasswordIsLeftAlone() {
        String uri = "postgresql://erin@db1:5432,db2:5433/shop?application_name=a@b";
        assertThat(Conninfo.redact(uri)).isEqualTo(uri);
        assertThat(Conninfo.holdsPassword(uri)).isFalse();
        assertThat(Conninfo.holdsPassword("postgresql://erin:s3cret@db1/shop")).isTrue();
    }

    @Test
    void maskingForACaretKeepsWidthsAndLineBreaks() {
        assertThat(Conninfo.redactKeepingWidth("REPLAY ON 'postgresql://u:s3cret@h/db' oops"))
            .isEqualTo("REPLAY ON 'postgresql://u:******@h/db' oops");
        assertThat(Conninfo.redactKeepingWidth("ALTER ROLE r PASSWORD 'a\nb';")).isEqualTo("ALTER ROLE r PASSWORD '*\n*';");
        assertThat(Conninfo.redact(Conninfo.redactKeepingWidth("password=s3cret"))).isEqualTo("password=******");
    }
}
