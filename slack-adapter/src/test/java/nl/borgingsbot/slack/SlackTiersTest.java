package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTiers;

/**
 * The benchmarks' fake Slack enforces the published tiers: HTTP 429 with Retry-After above a
 * tier, per method and (for chat.postMessage) per channel, room again after the window, and a call
 * before its Retry-After has passed counted as early. The fake's clock is driven by hand here.
 */
class SlackTiersTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(FakeSlack slack, String method, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTierThreeMethodAnswers429AboveFiftyAMinuteAndCountsCallsBeforeRetryAfter() throws Exception {
        SlackTiers tiers = new SlackTiers(1, Duration.ZERO, now::get);
        try (FakeSlack slack = new FakeSlack()) {
            slack.tiers(tiers);
            for (int i = 0; i < 50; i++) {
                now.addAndGet(Duration.ofMillis(100).toNanos());
                assertThat(call(slack, "conversations.open", "users=U" + i).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> over = call(slack, "conversations.open", "users=U50");
            assertThat(over.statusCode()).isEqualTo(429);
            // the first call was at 0.1 s, so the window has room at 60.1 s: 55.1 s from 5.0 s, rounded up
            assertThat(over.headers().firstValue("Retry-After")).hasValue("56");
            assertThat(tiers.earlyTotal()).isZero();

            assertThat(call(slack, "chat.update", "channel=D1&ts=1").statusCode()).as("another method").isEqualTo(200);
            now.addAndGet(Duration.ofSeconds(30).toNanos());
            assertThat(call(slack, "conversations.open", "users=U50").statusCode()).isEqualTo(429);
            assertThat(tiers.early()).containsEntry("conversations.open", 1);

            now.addAndGet(Duration.ofSeconds(26).toNanos());
            assertThat(call(slack, "conversations.open", "users=U50").statusCode()).isEqualTo(200);
            assertThat(tiers.earlyTotal()).isEqualTo(1);
            assertThat(tiers.throttled()).containsEntry("conversations.open", 2);
        }
    }

    @Test
    void postingIsOneASecondPerChannelAndTheTimeFactorShrinksTheWindows() throws Exception {
        SlackTiers tiers = new SlackTiers(20, Duration.ZERO, now::get);
        try (FakeSlack slack = new FakeSlack()) {
            slack.tiers(tiers);
            assertThat(call(slack, "chat.postMessage", "channel=D1&text=a").statusCode()).isEqualTo(200);
            assertThat(call(slack, "chat.postMessage", "channel=D2&text=b").statusCode()).isEqualTo(200);
            HttpResponse<String> again = call(slack, "chat.postMessage", "channel=D1&text=c");
            assertThat(again.statusCode()).isEqualTo(429);
            assertThat(again.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(slack.posts("D1")).hasSize(1);
            assertThat(call(slack, "chat.postMessage", "channel=D3&text=d").statusCode()).as("D1 is paused, not D3").isEqualTo(200);
            assertThat(tiers.earlyTotal()).isZero();

            now.addAndGet(Duration.ofSeconds(1).toNanos()); // the Retry-After has passed
            assertThat(call(slack, "chat.postMessage", "channel=D1&text=c").statusCode()).isEqualTo(200);
            assertThat(tiers.earlyTotal()).isZero();
            assertThat(tiers.postedAt("D1")).hasSize(2);
        }
        assertThat(SlackTiers.floor(1170, SlackTiers.TIER_3)).isEqualTo(Duration.ofMinutes(23));
    }
}
