package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emajshell.extension.ChangesSupport.error;
import static org.emajshell.extension.ChangesSupport.fileNames;
import static org.emajshell.extension.ChangesSupport.read;
import static org.emajshell.extension.ChangesSupport.serverDir;

/** emaj_snap_group: the content of a group's tables and sequences in files. */
class SnapTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    @BeforeAll
    static void groups() {
        db.execute("CREATE SCHEMA snp;"
            + "CREATE TABLE snp.t (v text, id int PRIMARY KEY, g int GENERATED ALWAYS AS (id * 10) STORED);"
            + "CREATE TABLE snp.nopk (a int, b text);"
            + "CREATE SEQUENCE snp.s INCREMENT BY 2;"
            + "INSERT INTO snp.t (v, id) VALUES ('three', 3), ('one', 1), (E'two\\nlines', 2);"
            + "INSERT INTO snp.nopk VALUES (2, 'b'), (1, 'z'), (1, 'a');"
            + "SELECT nextval('snp.s'), nextval('snp.s');"
            + "SELECT emaj.emaj_create_group('gs'); SELECT emaj.emaj_assign_table('snp', 't', 'gs');"
            + "SELECT emaj.emaj_assign_sequence('snp', 's', 'gs');"
            + "SELECT emaj.emaj_create_group('gs_audit', false); SELECT emaj.emaj_assign_table('snp', 'nopk', 'gs_audit');"
            + "SELECT emaj.emaj_start_group('gs', 'S1');");
    }

    @Test
    void everyTableAndSequenceGoesIntoItsFileSortedByPrimaryKey() {
        Path dir = serverDir("snap");
        assertThat(db.queryForString("SELECT emaj.emaj_snap_group('gs', '" + dir + "/', 'CSV HEADER')")).isEqualTo("2");
        assertThat(fileNames(dir)).containsExactly("_INFO", "snp_s.snap", "snp_t.snap");
        assertThat(read(dir.resolve("snp_t.snap"))).isEqualTo("v,id,g\none,1,10\n\"two\nlines\",2,20\nthree,3,30\n");
        assertThat(read(dir.resolve("snp_s.snap")))
            .isEqualTo("last_value,is_called,start_value,increment_by,min_value,max_value,cache_size,is_cycled\n"
                + "3,t,1,2,1,9223372036854775807,1,f\n");
        assertThat(read(dir.resolve("_INFO")).lines().toList()).startsWith("E-Maj snapshot of the table group gs")
            .contains("snp_t.snap: table snp.t, 3 rows", "snp_s.snap: sequence snp.s, 1 rows");
    }

    @Test
    void tablesWithoutPrimaryKeyAreSortedByTheirWholeRow() {
        Path dir = serverDir("snapnopk");
        assertThat(db.queryForString("SELECT emaj.emaj_snap_group('gs_audit', '" + dir + "', NULL)")).isEqualTo("1");
        assertThat(read(dir.resolve("snp_nopk.snap"))).isEqualTo("1\ta\n1\tz\n2\tb\n");
        Path csv = serverDir("snapcsv");
        db.execute("SELECT emaj.emaj_snap_group('gs_audit', '" + csv + "', '(FORMAT csv, DELIMITER '';'')')");
        assertThat(read(csv.resolve("snp_nopk.snap"))).isEqualTo("1;a\n1;z\n2;b\n");
    }

    @Test
    void checks() {
        Path dir = serverDir("snapchecks");
        assertThat(error(db, "SELECT emaj.emaj_snap_group('nope', '" + dir + "', NULL)"))
            .contains("_check_group_names: The group \"nope\" does not exist.");
        assertThat(error(db, "SELECT emaj.emaj_snap_group('gs', '" + dir + "/missing', NULL)"))
            .contains("emaj_snap_group: The directory \"" + dir + "/missing\" does not exist.");
        assertThat(error(db, "SELECT emaj.emaj_snap_group('gs', NULL, NULL)"))
            .contains("emaj_snap_group: The directory parameter cannot be NULL or empty.");
        assertThat(error(db, "SELECT emaj.emaj_snap_group('gs', '" + dir + "', 'CSV; DROP TABLE snp.t')"))
            .contains("emaj_snap_group: The copy option \"CSV; DROP TABLE snp.t\" contains an invalid character.");
        assertThat(fileNames(dir)).isEmpty();
        db.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chg_snap_adm') THEN"
            + "  CREATE ROLE chg_snap_adm; END IF; END $$;"
            + "GRANT emaj_adm TO chg_snap_adm; REVOKE pg_write_server_files FROM chg_snap_adm;");
        db.execute("SET SESSION AUTHORIZATION chg_snap_adm");
        try {
            assertThat(error(db, "SELECT emaj.emaj_snap_group('gs', '" + dir + "', NULL)"))
                .contains("_check_can_copy_to: Writing into an external file is not allowed on this emaj instance");
        } finally {
            db.execute("RESET SESSION AUTHORIZATION");
        }
    }
}
