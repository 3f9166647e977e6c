package nl.borgingsbot.teams;

/** The Teams adapter's tables could not be read or written. */
public class TeamsStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TeamsStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
