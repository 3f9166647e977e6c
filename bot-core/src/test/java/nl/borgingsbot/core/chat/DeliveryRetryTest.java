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

/** The retry policy on its own: how long it waits, that it never gives a throttled delivery up, what it never retries. */
class DeliveryRetryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final DeliveryRetry retry = new DeliveryRetry(clock, wait -> {
        waits.add(wait);
        clock.advance(wait);
    }, DeliveryRetry.REPORT_AFTER);

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
    void aDeliveryThrottledForMoreThanAnHourIsStillDeliveredOnceWhenThePlatformLetsItThrough() {
        Instant start = clock.instant();
        Instant throttledUntil = start.plus(DeliveryRetry.REPORT_AFTER).plus(Duration.ofMinutes(30));
        AtomicInteger attempts = new AtomicInteger();
        List<String> delivered = new ArrayList<>();

        String result = retry.deliver("test", () -> {
            attempts.incrementAndGet();
            if (clock.instant().isBefore(throttledUntil)) {
                throw throttled(Optional.empty());
            }
            delivered.add("the message");
            return "delivered";
        });

        assertThat(result).isEqualTo("delivered");
        assertThat(delivered).containsExactly("the message");
        assertThat(clock.instant()).isAfterOrEqualTo(throttledUntil);
        // the back-off stays at most a minute however long it takes: tried about once a minute, not a tight loop
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(attempts.get()).isBetween(90, 100);
    }

    @Test
    void aThrottledDeliveryIsOverdueAfterTheHourButNeverFailed() {
        Instant start = clock.instant();
        Delivery delivery = Delivery.start("test", start);

        Delivery early = delivery.failed(throttled(Optional.of(Duration.ofSeconds(30))), start.plusSeconds(59 * 60), retry);
        Delivery late = early.failed(throttled(Optional.of(Duration.ofSeconds(30))), start.plus(DeliveryRetry.REPORT_AFTER), retry);

        assertThat(early.result()).isEqualTo(Delivery.Result.PENDING);
        assertThat(early.overdue(start.plusSeconds(59 * 60), retry)).isFalse();
        assertThat(late.result()).isEqualTo(Delivery.Result.PENDING);
        assertThat(late.nextAttempt()).isEqualTo(start.plus(DeliveryRetry.REPORT_AFTER).plusSeconds(30));
        assertThat(late.overdue(start.plus(DeliveryRetry.REPORT_AFTER), retry)).isTrue();
        assertThat(late.delivered(late.nextAttempt()).overdue(late.nextAttempt(), retry)).isFalse();
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
