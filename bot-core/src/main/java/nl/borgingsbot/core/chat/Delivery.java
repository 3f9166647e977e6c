package nl.borgingsbot.core.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One message on its way to a person or channel: what it belongs to ({@code scope}, e.g. the DMs
 * of one round on one platform), when it was first tried, how many attempts were made, when the
 * next one is due, and how it ended. A throttled attempt ({@link DeliveryException.Reason#TEMPORARY})
 * is tried again after exactly the wait the platform asked for ({@code Retry-After}: the rate
 * limiter already kept every other call of that scope back, so waiting longer only loses the
 * platform's capacity), or after a growing back-off when it did not say, until it goes through:
 * never given up. A delivery still pending {@link DeliveryRetry#reportAfter()} after its first
 * attempt is {@link #overdue} (told once, and tried on). Any other failure is final.
 */
public record Delivery(String scope, Instant firstAttempt, int attempts, Instant nextAttempt, Result result,
                       Optional<DeliveryException> failure) {

    /** Where a delivery stands. */
    public enum Result {
        /** Not (yet) delivered; the next attempt is due at {@link #nextAttempt()}. */
        PENDING,
        DELIVERED,
        /** A failure retrying cannot fix (never a throttled one). */
        FAILED
    }

    /** A delivery about to be tried for the first time. */
    public static Delivery start(String scope, Instant now) {
        return new Delivery(scope, now, 0, now, Result.PENDING, Optional.empty());
    }

    /** After an attempt that went through. */
    public Delivery delivered(Instant now) {
        return new Delivery(scope, firstAttempt, attempts + 1, now, Result.DELIVERED, Optional.empty());
    }

    /** After a failed attempt: pending again with its next attempt, or failed for good. */
    public Delivery failed(DeliveryException failure, Instant now, DeliveryRetry policy) {
        int tried = attempts + 1;
        boolean retry = failure.reason().temporary();
        Duration asked = failure.retryAfter().filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        Duration backOff = policy.backOff(tried);
        Duration wait = asked.isZero() ? backOff : asked;
        return new Delivery(scope, firstAttempt, tried, retry ? now.plus(wait) : now,
                retry ? Result.PENDING : Result.FAILED, Optional.of(failure));
    }

    /** Whether it is still not delivered {@link DeliveryRetry#reportAfter()} after its first attempt. */
    public boolean overdue(Instant now, DeliveryRetry policy) {
        return result == Result.PENDING && !now.isBefore(firstAttempt.plus(policy.reportAfter()));
    }
}
