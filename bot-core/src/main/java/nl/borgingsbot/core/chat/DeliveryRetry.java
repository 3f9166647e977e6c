package nl.borgingsbot.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a throttled delivery is kept trying, and the loop that does it: an attempt the
 * platform throttles ({@link DeliveryException.Reason#TEMPORARY}) is tried again after its
 * {@code Retry-After}, but not sooner than a back-off from 1 s doubling to {@link #MAX_BACK_OFF}, until it goes
 * through, never dropped after a fixed number of tries; only when it still fails
 * {@link #giveUpAfter()} after the first attempt does the caller get the failure. Any other
 * failure comes back at once. The clock and the sleeper are injected so tests do not wait.
 */
public final class DeliveryRetry {

    /** Waits; a seam so tests do not really wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** How long a throttled delivery is retried before it is reported. */
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(1);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRetry.class);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration giveUpAfter;

    public DeliveryRetry(Clock clock, Sleeper sleeper, Duration giveUpAfter) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.giveUpAfter = giveUpAfter;
    }

    /** An hour on the system clock, really sleeping. */
    public static DeliveryRetry standard() {
        return new DeliveryRetry(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), GIVE_UP_AFTER);
    }

    /** Waits as this policy waits between attempts (really, or on a test's clock). */
    public void pause(Duration wait) throws InterruptedException {
        sleeper.sleep(wait);
    }

    public Duration giveUpAfter() {
        return giveUpAfter;
    }

    /** The least wait before attempt {@code attempts + 1}: 1 s, 2 s, 4 s … 1 min. */
    Duration backOff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
    }

    /**
     * Runs {@code attempt} until it goes through; the failure of the last attempt when it failed
     * for a reason retrying cannot fix, or was still throttled after {@link #giveUpAfter()}.
     */
    public <T> T deliver(String scope, Supplier<T> attempt) {
        Delivery delivery = Delivery.start(scope, clock.instant());
        while (true) {
            try {
                T result = attempt.get();
                if (delivery.attempts() > 0) {
                    LOG.info("{}: delivered at attempt {}", scope, delivery.delivered(clock.instant()).attempts());
                }
                return result;
            } catch (DeliveryException e) {
                delivery = delivery.failed(e, clock.instant(), this);
                if (delivery.result() == Delivery.Result.FAILED) {
                    if (e.reason().temporary()) {
                        LOG.warn("{}: still throttled after {} attempts in {} min; giving up", scope,
                                delivery.attempts(), Duration.between(delivery.firstAttempt(), clock.instant()).toMinutes());
                    }
                    throw e;
                }
                LOG.info("{}: throttled ({}); attempt {} at {}", scope, e.getMessage(), delivery.attempts() + 1,
                        delivery.nextAttempt());
                sleep(Duration.between(clock.instant(), delivery.nextAttempt()));
            }
        }
    }

    private void sleep(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Reason.OTHER, "interrupted while waiting to deliver", e);
        }
    }
}
