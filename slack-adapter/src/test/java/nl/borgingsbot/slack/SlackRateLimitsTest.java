package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Lane;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.telemetry.Telemetry;
import nl.borgingsbot.slack.testing.FakeSlack;

/**
 * The workspace's rate limiter, through the real Slack gateway against the fake Web API over HTTP:
 * a 429 on one thread pauses that method for every thread until its {@code Retry-After} has
 * passed, a throttled bulk call goes back to the core as {@code TEMPORARY} with that wait, and a
 * partner's call waiting for the paused method goes before the bulk calls waiting for it.
 */
class SlackRateLimitsTest {

    private static final String OPEN = "conversations.open";

    private FakeSlack slack;
    private RateLimitedCall calls;
    private SlackGateway gateway;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws IOException {
        slack = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        calls = new RateLimitedCall(Telemetry.NONE);
        gateway = new SlackGateway(Slack.getInstance(config).methods("fake-bot-token-for-tests"), new BlockKitRenderer(), calls);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        slack.close();
    }

    private static ChatUser user(String id) {
        return new ChatUser(SlackGateway.PLATFORM, FakeSlack.TEAM, id);
    }

    private CompletableFuture<Void> send(Lane lane, String user) {
        return CompletableFuture.runAsync(() -> Lane.run(lane, () -> {
            gateway.sendDirect(user(user), new Message(List.of(new Part.Paragraph("Hallo " + user))));
            return null;
        }), threads);
    }

    private List<FakeSlack.Call> opened() {
        return slack.calls(OPEN).stream().filter(FakeSlack.Call::ok).toList();
    }

    private static DeliveryException failure(CompletableFuture<Void> call) {
        Throwable thrown = catchThrowableOfType(call::join, CompletionException.class);
        assertThat(thrown).as("the call failed").isNotNull().hasCauseInstanceOf(DeliveryException.class);
        return (DeliveryException) thrown.getCause();
    }

    private static void awaitThat(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void a429OnOneThreadPausesTheMethodForEveryThread() {
        slack.rateLimit(OPEN, "", 1, 30);
        DeliveryException throttled = failure(send(Lane.BULK, "U1"));
        assertThat(throttled.reason()).isEqualTo(DeliveryException.Reason.TEMPORARY);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(30));

        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int i = 2; i <= 9; i++) {
            others.add(send(Lane.BULK, "U" + i));
        }
        for (CompletableFuture<Void> other : others) {
            DeliveryException e = failure(other);
            assertThat(e.reason()).isEqualTo(DeliveryException.Reason.TEMPORARY);
            assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
        }
        // no thread called conversations.open again while Slack's Retry-After had not passed
        assertThat(slack.calls(OPEN)).hasSize(1);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aPartnersCallWaitingOnAPausedMethodGoesBeforeTheQueuedBulkCalls() throws Exception {
        slack.rateLimit(OPEN, "", 1, 3);
        assertThat(failure(send(Lane.BULK, "U1")).reason()).isEqualTo(DeliveryException.Reason.TEMPORARY);
        Instant throttledAt = slack.calls(OPEN).get(0).at();

        List<CompletableFuture<Void>> bulk = new ArrayList<>();
        for (int i = 2; i <= 4; i++) {
            bulk.add(send(Lane.BULK, "U" + i));
        }
        awaitThat("three bulk calls wait", () -> calls.limits().waiting(OPEN) == 3);
        CompletableFuture<Void> partner = send(Lane.INTERACTIVE, "U9");
        awaitThat("the partner's call waits too", () -> calls.limits().waiting(OPEN) == 4);

        partner.join();
        bulk.forEach(CompletableFuture::join);

        // after the pause the partner's call went first, then the bulk calls; none before Retry-After had passed
        assertThat(opened()).extracting(c -> c.param("users")).hasSize(4).first().isEqualTo("U9");
        assertThat(opened()).allSatisfy(call -> assertThat(call.at()).isAfterOrEqualTo(throttledAt.plusSeconds(3)));
    }
}
