package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the installed catalog with the contract files read from an installed upstream E-Maj
 * 5.0.0: emaj-api-signatures.tsv (every emaj_* function: name, identity arguments, result) and
 * emaj-catalog-columns.tsv (every table and view of schema emaj with its columns and types).
 * The files are the design folder's (../../shared/design) when present, else the copies in
 * src/test/resources/contract.
 */
class CatalogContractTest {

    @RegisterExtension
    static final EmajDatabase db = new EmajDatabase();

    /**
     * Functions of the contract not implemented yet, by the issue that will bring them. Every
     * other function must exist with exactly the contract's arguments and result. Empty: all 95
     * signatures are implemented (issues 3, 4 and the later parts).
     */
    private static final Set<String> PENDING = Set.of();

    private static List<String> contract(String file) throws IOException {
        Path design = Path.of("../../shared/design", file);
        if (Files.isReadable(design)) {
            return Files.readAllLines(design, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        }
        try (InputStream in = CatalogContractTest.class.getResourceAsStream("/contract/" + file)) {
            assertThat(in).as("contract file " + file).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                .filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void everyContractFunctionExistsWithItsExactSignature() throws IOException {
        List<String> expected = contract("emaj-api-signatures.tsv");
        assertThat(expected).hasSize(95);
        Set<String> installed = new TreeSet<>(db.queryForList(
            "SELECT p.proname || E'\\t' || pg_get_function_identity_arguments(p.oid) || E'\\t' || pg_get_function_result(p.oid)"
                + " FROM pg_proc p WHERE p.pronamespace = 'emaj'::regnamespace AND p.proname LIKE 'emaj\\_%'"));
        List<String> missing = new ArrayList<>();
        for (String line : expected) {
            String name = line.split("\t", -1)[0];
            if (!installed.contains(line) && !PENDING.contains(name)) {
                missing.add(line);
            }
        }
        assertThat(missing).as("contract functions missing or with another signature").isEmpty();
        // and no emaj_* function beyond the contract
        Set<String> extra = new TreeSet<>(installed);
        extra.removeAll(expected);
        assertThat(extra).as("user-callable functions not in the contract").isEmpty();
    }

    @Test
    void everyCatalogTableAndViewHasTheContractColumns() throws IOException {
        List<String> expected = contract("emaj-catalog-columns.tsv");
        List<String> installed = db.queryForList("SELECT c.relname || E'\\t' || string_agg(a.attname || ':'"
            + " || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum)"
            + " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " WHERE c.relnamespace = 'emaj'::regnamespace AND c.relkind IN ('r', 'v', 'p')"
            + " GROUP BY c.relname ORDER BY c.relname");
        assertThat(installed).containsExactlyElementsOf(expected);
    }

    @Test
    void catalogObjectCountsMatchUpstream() {
        assertThat(db.queryForString("SELECT count(*) FROM pg_class WHERE relnamespace = 'emaj'::regnamespace AND relkind = 'r'"))
            .isEqualTo("21");
        assertThat(db.queryForString("SELECT count(*) FROM pg_class WHERE relnamespace = 'emaj'::regnamespace AND relkind = 'v'"))
            .isEqualTo("2");
        assertThat(db.queryForList("SELECT relname FROM pg_class WHERE relnamespace = 'emaj'::regnamespace AND relkind = 'S' ORDER BY 1"))
            .containsExactly("emaj_global_seq", "emaj_hist_hist_id_seq", "emaj_rlbk_rlbk_id_seq", "emaj_time_stamp_time_id_seq");
        assertThat(db.queryForList("SELECT typname FROM pg_type WHERE typnamespace = 'emaj'::regnamespace AND typtype = 'e' ORDER BY 1"))
            .containsExactly("_relation_change_kind_enum", "_rlbk_status_enum", "_rlbk_step_enum");
        assertThat(db.queryForList("SELECT t.typname FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid"
            + " WHERE t.typnamespace = 'emaj'::regnamespace AND c.relkind = 'c' AND t.typname LIKE 'emaj%' ORDER BY 1"))
            .containsExactly("emaj_consolidable_rollback_type", "emaj_detailed_log_stat_group_type", "emaj_log_stat_group_type",
                "emaj_log_stat_sequence_type", "emaj_log_stat_table_type", "emaj_rollback_activity_type",
                "emaj_sequence_stat_group_type");
        assertThat(db.queryForString("SELECT count(DISTINCT proname) FROM pg_proc WHERE pronamespace = 'emaj'::regnamespace"
            + " AND proname LIKE 'emaj\\_%'")).isEqualTo("80");
    }

    @Test
    void sharedHelpersKeepTheirAgreedSignatures() {
        assertThat(db.queryForList("SELECT p.proname || '(' || pg_get_function_arguments(p.oid) || ') ' || pg_get_function_result(p.oid)"
            + " FROM pg_proc p WHERE p.pronamespace = 'emaj'::regnamespace AND p.proname IN ('_set_time_stamp', '_check_group_names',"
            + " '_check_mark_name', '_check_new_mark', '_check_marks_range', '_lock_groups', '_set_mark_groups', '_hist') ORDER BY 1"))
            .containsExactly(
                "_check_group_names(p_groupnames text[], p_maybenull boolean, p_lockgroups boolean, p_checklist text) text[]",
                "_check_mark_name(p_groupnames text[], p_mark text, p_checklist text) text",
                "_check_marks_range(p_groupnames text[], INOUT p_firstmark text, INOUT p_lastmark text, OUT p_firstmarktimeid bigint,"
                    + " OUT p_lastmarktimeid bigint) record",
                "_check_new_mark(p_groupnames text[], p_mark text, p_defaultprefix text) text",
                "_hist(p_function text, p_event text, p_object text, p_wording text) void",
                "_lock_groups(p_groupnames text[], p_lockmode text, p_multigroup boolean) void",
                "_set_mark_groups(p_groupnames text[], p_mark text, p_comment text, p_multigroup boolean, p_eventtorecord boolean,"
                    + " p_loggedrlbktargetmark text DEFAULT NULL::text, p_timeid bigint DEFAULT NULL::bigint) integer",
                "_set_time_stamp(p_event character) bigint");
    }
}
