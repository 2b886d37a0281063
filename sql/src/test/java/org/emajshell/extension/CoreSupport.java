package org.emajshell.extension;

import org.emajshell.testkit.EmajDatabase;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers shared by the tests of the core functions (groups, assignment, marks, statistics...). */
final class CoreSupport {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private CoreSupport() {
    }

    /** A number unique in the test run, to name schemas, groups and roles. */
    static int next() {
        return COUNTER.incrementAndGet();
    }

    /**
     * The server message of the error the SQL raises (without "ERROR: " and without context),
     * or fails when it raises none.
     */
    static String errorOf(EmajDatabase db, String sql) {
        try (Statement st = db.connection().createStatement()) {
            st.execute(sql);
        } catch (PSQLException e) {
            return e.getServerErrorMessage() != null ? e.getServerErrorMessage().getMessage() : e.getMessage();
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error raised by: " + sql);
    }

    /** Same as {@link #errorOf(EmajDatabase, String)} on a given connection. */
    static String errorOf(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (PSQLException e) {
            return e.getServerErrorMessage() != null ? e.getServerErrorMessage().getMessage() : e.getMessage();
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error raised by: " + sql);
    }

    /** Runs a query and returns the first column of the first row plus the WARNING messages it raised. */
    static Result withWarnings(EmajDatabase db, String sql) {
        try (Statement st = db.connection().createStatement()) {
            String value = null;
            if (st.execute(sql)) {
                try (var rs = st.getResultSet()) {
                    if (rs.next()) {
                        value = rs.getString(1);
                    }
                }
            }
            List<String> warnings = new ArrayList<>();
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                if (w instanceof org.postgresql.util.PSQLWarning pw && pw.getServerErrorMessage() != null) {
                    if ("WARNING".equals(pw.getServerErrorMessage().getSeverity())) {
                        warnings.add(pw.getServerErrorMessage().getMessage());
                    }
                }
            }
            return new Result(value, warnings);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n  while running: " + sql, e);
        }
    }

    record Result(String value, List<String> warnings) {
    }

    /**
     * Creates schema s{n} with tables cust (PK), ord (PK, FK to cust), nopk (no PK), unlog
     * (UNLOGGED, PK) and the sequence seq. Returns n.
     */
    static int newSchema(EmajDatabase db) {
        int n = next();
        String s = "s" + n;
        db.execute("CREATE SCHEMA " + s + ";"
            + "CREATE TABLE " + s + ".cust (id int PRIMARY KEY, name text, city text);"
            + "CREATE TABLE " + s + ".ord (id int PRIMARY KEY, cust_id int REFERENCES " + s + ".cust, amount numeric);"
            + "CREATE TABLE " + s + ".nopk (x int, y text);"
            + "CREATE UNLOGGED TABLE " + s + ".unlog (id int PRIMARY KEY, v text);"
            + "CREATE SEQUENCE " + s + ".seq;");
        return n;
    }

    /** newSchema plus group g{n} holding cust, ord and seq, started at mark M1. Returns n. */
    static int newLoggingGroup(EmajDatabase db) {
        int n = newSchema(db);
        db.execute("SELECT emaj.emaj_create_group('g" + n + "');"
            + "SELECT emaj.emaj_assign_tables('s" + n + "', ARRAY['cust', 'ord'], 'g" + n + "');"
            + "SELECT emaj.emaj_assign_sequence('s" + n + "', 'seq', 'g" + n + "');"
            + "SELECT emaj.emaj_start_group('g" + n + "', 'M1');");
        return n;
    }

    static long asLong(String s) {
        return Long.parseLong(s);
    }
}
