package nl.borgingsbot.core.chat;

/** A message could not be delivered; {@link Reason} says why in terms the core can explain. */
public class DeliveryException extends RuntimeException {

    public enum Reason {
        /** The bot is not a member of the channel. */
        NOT_IN_CHANNEL,
        /** The channel no longer exists or is archived. */
        CHANNEL_NOT_FOUND,
        /** The person cannot be reached (app not installed, user gone). */
        USER_UNREACHABLE,
        /** Anything else (network, rate limit after retries, server error). */
        OTHER
    }

    private final Reason reason;

    public DeliveryException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public DeliveryException(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
