package org.emajshell.repl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A line that may hold a password never reaches the history; the others do. */
class HistoryFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "\\c postgresql://erin:s3cret@db1/shop",
        "\\c postgres://erin:s3cret@db1:5433/shop?sslmode=require",
        "\\c 'postgresql://db1/shop?sslmode=require&password=s3cret'",
        "\\c \"host=db1 password=s3cret\"",
        "\\c host=db1 password = s3cret",
        "\\c host=db1 PassWord='s3 cret'",
        "\\setenv PGPASSWORD s3cret",
        "PGPASSWORD=s3cret",
        "pgpassword=s3cret",
        "ALTER ROLE erin PASSWORD 's3cret';",
        "alter user erin with encrypted password 's3cret';",
        "CREATE ROLE erin LOGIN PASSWORD 's3cret';",
        "CREATE USER erin\nPASSWORD\n's3cret';",
        "CREATE USER erin PASSWORD $$s3cret$$;",
        "\\password erin",
        "REPLAY shop SINCE 'a' ON 'postgresql://erin:s3cret@replica/shop';",
        "SELECT dblink_connect('hostaddr=10.0.0.1 passwd=s3cret');",
    })
    void aLineThatMayHoldAPasswordIsLeftOut(String line) {
        assertThat(HistoryFilter.keep(line)).as(line).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SHOW GROUPS;",
        "\\c postgresql://erin@db1:5432/shop",
        "\\c postgresql://db1:5432,db2:5433/shop?target_session_attrs=read-write",
        "\\c host=db1 user=erin",
        "SELECT 'mail me at erin@example.com';",
        "ROLLBACK shop TO 'before-import';",
    })
    void anOrdinaryLineIsKept(String line) {
        assertThat(HistoryFilter.keep(line)).as(line).isTrue();
    }
}
