package org.emajshell.emaj;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Runs one E-Maj call with bind parameters, and turns "function does not exist" into a
 * clear "not supported by the installed emaj" error naming the function.
 */
final class JdbcCalls {

    @FunctionalInterface
    interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A text[] argument. */
    record TextArray(List<String> values) {
        TextArray {
            values = List.copyOf(values);
        }
    }

    /** A bigint[] argument (object ids, say). */
    record LongArray(List<Long> values) {
        LongArray {
            values = List.copyOf(values);
        }
    }

    private final Connection connection;

    JdbcCalls(Connection connection) {
        this.connection = connection;
    }

    <T> T query(String function, String sql, ResultReader<T> reader, Object... args) throws EmajError {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            if (EmajError.isUndefinedFunction(e, function)) {
                throw EmajError.unsupported(function, installedVersion(), e);
            }
            throw EmajError.of(e);
        }
    }

    int queryInt(String function, String sql, Object... args) throws EmajError {
        return query(function, sql, rs -> rs.next() ? rs.getInt(1) : 0, args);
    }

    long queryLong(String function, String sql, Object... args) throws EmajError {
        return query(function, sql, rs -> rs.next() ? rs.getLong(1) : 0L, args);
    }

    boolean queryBoolean(String function, String sql, Object... args) throws EmajError {
        return query(function, sql, rs -> rs.next() && rs.getBoolean(1), args);
    }

    String queryString(String function, String sql, Object... args) throws EmajError {
        return query(function, sql, rs -> rs.next() ? rs.getString(1) : null, args);
    }

    /** The version of whatever emaj is installed, or null (used only to word errors). */
    String installedVersion() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT emaj.emaj_get_version()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            int index = i + 1;
            if (arg == null) {
                ps.setNull(index, Types.VARCHAR);
            } else if (arg instanceof String s) {
                ps.setString(index, s);
            } else if (arg instanceof Boolean b) {
                ps.setBoolean(index, b);
            } else if (arg instanceof Integer n) {
                ps.setInt(index, n);
            } else if (arg instanceof Long n) {
                ps.setLong(index, n);
            } else if (arg instanceof TextArray a) {
                Array array = connection.createArrayOf("text", a.values().toArray());
                ps.setArray(index, array);
            } else if (arg instanceof LongArray a) {
                ps.setArray(index, connection.createArrayOf("bigint", a.values().toArray()));
            } else {
                throw new IllegalArgumentException("unsupported argument type " + arg.getClass());
            }
        }
    }
}
