package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Lane;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.RateLimits;

/**
 * The Teams gateway's rate limiter against the fake Bot Connector over HTTP: a 429 (and a 503)
 * with {@code Retry-After} pauses that conversation for every thread — no call reaches it before
 * the wait has passed — and every message, bulk and interactive, is delivered exactly once (a
 * throttled bulk message is handed back as {@code TEMPORARY} and delivered again after its wait,
 * as the core's outbox does).
 */
class TeamsRateLimitsTest extends TeamsHttpTest {


    private final ExecutorService threads = Executors.newCachedThreadPool();
    private TeamsGateway gateway;
    private String prefix;

    @BeforeEach
    void wire() {
        prefix = "L" + System.nanoTime();
        gateway = gatewayWithoutRetries(new RateLimits((scope, wait) -> { }));
        assertThat(send(activities.installPersonal(prefix + "A")).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private String conversation() {
        return Activities.personalConversation(prefix + "A");
    }

    private ChatUser partner() {
        return new ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, Activities.aad(prefix + "A"));
    }

    private void sendDirect(Lane lane, String text) {
        Lane.run(lane, () -> {
            gateway.sendDirect(partner(), new Message(List.of(new Part.Paragraph(text))));
            return null;
        });
    }

    /** Sends one message in {@code lane}; a bulk message handed back as TEMPORARY goes again after its wait. */
    private CompletableFuture<Void> deliver(Lane lane, String text) {
        return CompletableFuture.runAsync(() -> untilDelivered(() -> sendDirect(lane, text)), threads);
    }

    @Test
    void a429PausesTheConversationForEveryThreadAndEveryMessageArrivesOnce() {
        CONNECTOR.failNext(c -> c.isSend() && c.conversationId().equals(conversation()), 429, Map.of("Retry-After", "2"));
        CONNECTOR.failNext(c -> c.isSend() && c.conversationId().equals(conversation()), 503, Map.of("Retry-After", "1"));

        DeliveryException throttled = catchThrowableOfType(() -> sendDirect(Lane.BULK, "bericht 0"), DeliveryException.class);
        assertThat(throttled.reason()).isEqualTo(DeliveryException.Reason.TEMPORARY);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(2));

        // the refused bulk message again (as the outbox would), and eight more from eight threads at once
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i <= 8; i++) {
            sends.add(deliver(i % 2 == 0 ? Lane.BULK : Lane.INTERACTIVE, "bericht " + i));
        }
        sends.forEach(CompletableFuture::join);

        List<FakeBotConnector.Call> calls = CONNECTOR.calls().stream().filter(FakeBotConnector.Call::isSend)
                .filter(c -> c.conversationId().equals(conversation())).toList();
        // the 429, the 503, then the nine messages, each once
        assertThat(calls).hasSize(11);
        List<String> delivered = calls.subList(2, 11).stream().map(c -> Cards.text(c.body())).toList();
        for (int i = 0; i <= 8; i++) {
            String text = "bericht " + i;
            assertThat(delivered).filteredOn(t -> t.contains(text)).as(text).hasSize(1);
        }
        // nothing reached the conversation before the Retry-After of the refusal before it had passed
        Instant open429 = calls.get(0).at().plusSeconds(2);
        Instant open503 = calls.get(1).at().plusSeconds(1);
        assertThat(calls.get(1).at()).isAfterOrEqualTo(open429);
        assertThat(calls.subList(2, 11)).allSatisfy(c -> assertThat(c.at()).isAfterOrEqualTo(open503));
    }
}
