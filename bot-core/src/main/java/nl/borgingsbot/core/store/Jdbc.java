package nl.borgingsbot.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The little JDBC the repositories share: a read, a short write transaction, statements with
 * bound parameters, and the translation of driver errors.
 *
 * <p>Parameters may be {@code String}, {@code Long}, {@code Integer}, {@code Boolean},
 * {@link Instant} (written as {@link Timestamps}) or {@code null}.
 */
final class Jdbc {

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Handles the current row of a result set. */
    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs a read in auto-commit mode. Each statement sees one consistent snapshot, and on SQLite
     * (WAL) a read takes no lock a writer waits for; so reads are written as single statements.
     */
    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} as one short transaction; see {@link #write(String, Work, Supplier)}. */
    <T> T write(String what, Work<T> work) {
        return write(what, work, null);
    }

    /**
     * Runs {@code work} as one short transaction: all of it is committed, or on any failure none
     * of it. On SQLite the {@link Database}'s connections begin it IMMEDIATE: it takes the write
     * lock first, waiting up to the busy timeout, instead of failing with SQLITE_BUSY halfway.
     *
     * @param onDuplicate what to throw when a unique constraint refuses the write; {@code null}
     *                    makes that a {@link StoreException} like any other failure
     * @throws IllegalArgumentException when the write refers to a row that does not exist
     */
    <T> T write(String what, Work<T> work, Supplier<? extends RuntimeException> onDuplicate) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                endTransaction(connection);
            }
        } catch (SQLException e) {
            if (onDuplicate != null && isUniqueViolation(e)) {
                RuntimeException duplicate = onDuplicate.get();
                duplicate.initCause(e);
                throw duplicate;
            }
            if (isForeignKeyViolation(e)) {
                throw new IllegalArgumentException("Could not " + what + ": it refers to something that does not exist", e);
            }
            throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Back to auto-commit at once: on SQLite this also ends the transaction the driver may have
     * begun after the commit, so no idle pooled connection holds the write lock.
     */
    private static void endTransaction(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; closing it hands it back to the pool, which discards it
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> result = new ArrayList<>();
        forEach(connection, sql, current -> result.add(row.map(current)), params);
        return result;
    }

    static void forEach(Connection connection, String sql, RowHandler handler, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                handler.handle(rows);
            }
        }
    }

    static <T> Optional<T> one(Connection connection, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> all = list(connection, sql, row, params);
        if (all.size() > 1) {
            throw new IllegalStateException("Expected at most one row, got " + all.size() + " for: " + sql);
        }
        return all.stream().findFirst();
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
    static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** Runs an {@code INSERT ... RETURNING id} (SQLite and PostgreSQL both have it); returns the id. */
    static long insert(Connection connection, String sql, Object... params) throws SQLException {
        return one(connection, sql, row -> row.getLong(1), params)
                .orElseThrow(() -> new SQLException("No id returned by: " + sql));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Instant instant) {
            statement.setString(index, Timestamps.format(instant));
        } else {
            throw new IllegalArgumentException("Cannot bind a " + value.getClass().getName());
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState())
                || e instanceof SQLiteException sqlite
                && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    static boolean isForeignKeyViolation(SQLException e) {
        return FOREIGN_KEY_VIOLATION.equals(e.getSQLState())
                || e instanceof SQLiteException sqlite
                && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY;
    }

    /** A nullable text column as an Optional; the empty string counts as absent. */
    static Optional<String> optionalText(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column)).filter(text -> !text.isEmpty());
    }

    static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(Timestamps.parse(row.getString(column)));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return Timestamps.parse(row.getString(column));
    }
}
