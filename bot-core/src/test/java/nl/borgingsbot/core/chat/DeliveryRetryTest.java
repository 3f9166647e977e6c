package nl.borgingsbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.testing.MutableClock;

/** The retry policy on its own: how long it waits, when it stops, what it never retries. */
class DeliveryRetryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final DeliveryRetry retry = new DeliveryRetry(clock, wait -> {
        waits.add(wait);
        clock.advance(wait);
    }, DeliveryRetry.GIVE_UP_AFTER);

    private static DeliveryException throttled(Optional<Duration> retryAfter) {
        return new DeliveryException(DeliveryException.Reason.TEMPORARY, "HTTP 429", null, retryAfter);
    }

    @Test
    void aThrottledAttemptIsRetriedAfterItsRetryAfterAndWithoutOneAfterTheBackOff() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.deliver("test", () -> {
            if (attempts.incrementAndGet() <= 3) {
                throw throttled(Optional.of(Duration.ofSeconds(attempts.get() == 1 ? 30 : 0)));
            }
            return "delivered";
        });

        assertThat(result).isEqualTo("delivered");
        assertThat(attempts).hasValue(4);
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aDeliveryStillThrottledAfterTheHourFailsWithTheThrottling() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.deliver("test", () -> {
            attempts.incrementAndGet();
            throw throttled(Optional.empty());
        })).isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.reason()).isEqualTo(DeliveryException.Reason.TEMPORARY));

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(DeliveryRetry.GIVE_UP_AFTER);
        assertThat(attempts.get()).isBetween(60, 70);
    }

    @Test
    void aFailureRetryingCannotFixComesBackAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.deliver("test", () -> {
            attempts.incrementAndGet();
            throw new DeliveryException(DeliveryException.Reason.USER_UNREACHABLE, "cannot_dm_bot");
        })).isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.reason()).isEqualTo(DeliveryException.Reason.USER_UNREACHABLE));

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }
}
