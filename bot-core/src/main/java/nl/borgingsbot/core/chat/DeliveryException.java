package nl.borgingsbot.core.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A message could not be delivered; {@link Reason} says why in terms the core can explain, the
 * same on every platform. A {@link Reason#TEMPORARY} failure may say when to try again
 * ({@link #retryAfter()}, the platform's {@code Retry-After}).
 */
public class DeliveryException extends RuntimeException {

    public enum Reason {
        /** The bot is not a member of the channel (Slack not_in_channel; Teams 403 on a channel). */
        NOT_IN_CHANNEL(false),
        /** The channel no longer exists or is archived (Slack channel_not_found, is_archived; Teams 404). */
        CHANNEL_NOT_FOUND(false),
        /**
         * The person cannot get a direct message: the app is not installed for them or they closed
         * its messages (Slack cannot_dm_bot, messages_tab_disabled; Teams 403/404 on their chat).
         */
        USER_UNREACHABLE(false),
        /** The person's account no longer exists or is deactivated (Slack user_not_found, account_inactive). */
        USER_GONE(false),
        /**
         * The platform is throttling or briefly unavailable (HTTP 429; Teams also 412, 502, 503,
         * 504): trying again later will work.
         */
        TEMPORARY(true),
        /** Anything else (an error retrying cannot fix, or no answer at all). */
        OTHER(false);

        private final boolean temporary;

        Reason(boolean temporary) {
            this.temporary = temporary;
        }

        /** Whether trying again later can make the delivery go through. */
        public boolean temporary() {
            return temporary;
        }
    }

    private final Reason reason;
    private final Optional<Duration> retryAfter;

    public DeliveryException(Reason reason, String detail) {
        this(reason, detail, null, Optional.empty());
    }

    public DeliveryException(Reason reason, String detail, Throwable cause) {
        this(reason, detail, cause, Optional.empty());
    }

    /** A failure with the wait the platform asked for before the next attempt. */
    public DeliveryException(Reason reason, String detail, Throwable cause, Optional<Duration> retryAfter) {
        super(detail, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** How long the platform asked to wait before trying again, when it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
