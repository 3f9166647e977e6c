package nl.borgingsbot.core.store;

/**
 * A database operation failed for a reason the caller cannot repair by changing its request (the
 * database is unreachable, locked for longer than the busy timeout, full, ...). The message names
 * what was being done; the cause is the driver's {@link java.sql.SQLException}.
 */
public class StoreException extends RuntimeException {

    /**
     * @param message what was being done, and the driver's reason
     * @param cause   the driver's exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
