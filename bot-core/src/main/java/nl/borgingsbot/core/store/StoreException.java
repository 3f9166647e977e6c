package nl.borgingsbot.core.store;

import java.sql.SQLException;

/** A database operation failed. */
public class StoreException extends RuntimeException {

    private static final int SQLITE_CONSTRAINT = 19;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A unique key or index was violated (a second open round, a duplicate region name …). */
    public static final class Duplicate extends StoreException {
        Duplicate(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static StoreException of(SQLException e) {
        boolean unique = "23505".equals(e.getSQLState())
                || (e.getErrorCode() == SQLITE_CONSTRAINT && String.valueOf(e.getMessage()).contains("UNIQUE"));
        return unique ? new Duplicate(e.getMessage(), e) : new StoreException(e.getMessage(), e);
    }
}
