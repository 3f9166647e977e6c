package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The Teams benchmark's limiter: 50 requests a second per tenant, 7 a second per conversation, early calls counted. */
class TeamsThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final TeamsThrottle throttle = new TeamsThrottle(1, now::get);

    @Test
    void aTenantGetsFiftyRequestsASecondAndAConversationSeven() {
        for (int i = 0; i < 7; i++) {
            assertThat(throttle.admit("t", Optional.of("a:1"))).isEmpty();
        }
        assertThat(throttle.admit("t", Optional.of("a:1"))).as("the 8th in a second in one chat").hasValue(1L);
        assertThat(throttle.admit("t", Optional.of("a:2"))).as("another chat").isEmpty();
        for (int i = 0; i < 42; i++) {
            assertThat(throttle.admit("t", Optional.empty())).isEmpty();
        }
        assertThat(throttle.admit("t", Optional.empty())).as("the 51st in a second in the tenant").hasValue(1L);
        assertThat(throttle.admit("t", Optional.empty())).as("before its Retry-After").hasValue(1L);
        assertThat(throttle.early()).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(throttle.admit("t", Optional.of("a:1"))).isEmpty();
        assertThat(throttle.throttled()).isEqualTo(3);
    }
}
