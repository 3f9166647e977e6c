package nl.borgingsbot.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The little JDBC the repositories need: a query, an update, a transaction. A
 * {@link SQLException} becomes a {@link StoreException}; a unique-key violation a
 * {@link StoreException.Duplicate}.
 */
final class Jdbc {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    <T> T transaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
    }

    /** One statement on its own (auto-commit). */
    <T> T single(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return single(c -> query(c, sql, mapper, params));
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, mapper, params).stream().findFirst();
    }

    int update(String sql, Object... params) {
        return single(c -> update(c, sql, params));
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** An INSERT … RETURNING id (SQLite 3.35+ and PostgreSQL). */
    static long insert(Connection connection, String sql, Object... params) throws SQLException {
        return query(connection, sql, row -> row.getLong(1), params).get(0);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            if (param == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (param instanceof Boolean b) {
                statement.setBoolean(i + 1, b);
            } else {
                statement.setObject(i + 1, param);
            }
        }
        return statement;
    }

    /** A nullable BIGINT column. */
    static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
