package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

class ConnectorRetryStrategyTest {

    private final ConnectorRetryStrategy strategy =
            new ConnectorRetryStrategy(3, Duration.ofMillis(400), Duration.ofSeconds(2));

    private static Response response(int code, String retryAfter) {
        Response.Builder builder = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("status");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    @Test
    void throttlingAndTransientGatewayErrorsAreRetriedOthersAreNot() {
        assertThat(ConnectorRetryStrategy.RETRIED).contains(429, 412, 502, 504).doesNotContain(400, 401, 403, 404, 500);
        assertThat(strategy.shouldRetry(0, response(403, null))).isFalse();
        assertThat(strategy.shouldRetry(0, response(429, "0"))).isTrue();
    }

    @Test
    void givesUpAfterTheLastRetry() {
        assertThat(strategy.shouldRetry(3, response(429, "0"))).isFalse();
    }

    @Test
    void theBackOffDoublesWithJitterUpToTheMaximum() {
        for (int i = 0; i < 50; i++) {
            assertThat(strategy.delay(0, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(strategy.delay(2, null)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600));
            assertThat(strategy.delay(10, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void retryAfterIsHonouredButCapped() {
        assertThat(strategy.delay(0, "1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(strategy.delay(0, "3600")).isEqualTo(Duration.ofSeconds(2));
        assertThat(strategy.delay(0, "0")).isEqualTo(Duration.ZERO);
        assertThat(strategy.delay(0, "Wed, 21 Oct 2026 07:28:00 GMT")).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }
}
