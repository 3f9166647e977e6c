package nl.borgingsbot.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a throttled delivery is kept trying, and the loop that does it: an attempt the platform
 * throttles ({@link DeliveryException.Reason#TEMPORARY}) is tried again after its
 * {@code Retry-After}, or after a back-off from 1 s doubling to {@link #MAX_BACK_OFF} when it did
 * not say, until it goes through — never dropped after a fixed number of tries or a fixed time
 * ({@link Delivery#failed}, the same rule as the outbox's). A delivery still throttled
 * {@link #reportAfter()} after its first attempt is overdue: the outbox tells the programme
 * manager once, this loop logs it once; both keep trying. Any other failure comes back at once.
 * The clock and the sleeper are injected so tests do not wait.
 */
public final class DeliveryRetry {

    /** Waits; a seam so tests do not really wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** How long a throttled delivery is retried before it is reported as overdue (and retried on). */
    public static final Duration REPORT_AFTER = Duration.ofHours(1);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRetry.class);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration reportAfter;

    public DeliveryRetry(Clock clock, Sleeper sleeper, Duration reportAfter) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.reportAfter = reportAfter;
    }

    /** An hour on the system clock, really sleeping. */
    public static DeliveryRetry standard() {
        return new DeliveryRetry(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), REPORT_AFTER);
    }

    /** Waits as this policy waits between attempts (really, or on a test's clock). */
    public void pause(Duration wait) throws InterruptedException {
        sleeper.sleep(wait);
    }

    /** How long after its first attempt a delivery still throttled is reported as overdue. */
    public Duration reportAfter() {
        return reportAfter;
    }

    /** The least wait before attempt {@code attempts + 1}: 1 s, 2 s, 4 s … 1 min. */
    Duration backOff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
    }

    /**
     * Runs {@code attempt} until it goes through, however long the platform throttles it; the
     * failure of an attempt that failed for a reason retrying cannot fix.
     */
    public <T> T deliver(String scope, Supplier<T> attempt) {
        Delivery delivery = Delivery.start(scope, clock.instant());
        boolean told = false;
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
                    throw e;
                }
                if (!told && delivery.overdue(clock.instant(), this)) {
                    told = true;
                    LOG.warn("{}: still throttled after {} attempts in {} min; still trying", scope,
                            delivery.attempts(), Duration.between(delivery.firstAttempt(), clock.instant()).toMinutes());
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
