package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
 * Teams' limit per app per tenant (50 requests a second over all its conversations) against the
 * fake Bot Connector over HTTP: the gateway paces the tenant, and a 429 — which does not say
 * whether the tenant's or the conversation's limit was hit — pauses every conversation of the
 * tenant, so no call arrives before the Retry-After it was given.
 */
class TeamsTenantLimitTest extends TeamsHttpTest {

    private static final int PARTNERS = 120;


    private final ExecutorService threads = Executors.newFixedThreadPool(PARTNERS);
    private TeamsGateway gateway;
    private String prefix;

    @BeforeEach
    void wire() {
        prefix = "T" + System.nanoTime();
        gateway = gatewayWithoutRetries(new RateLimits((scope, wait) -> { }));
        assertThat(send(activities.installPersonal(prefix + "A")).statusCode()).isEqualTo(200);
        assertThat(send(activities.installPersonal(prefix + "B")).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        CONNECTOR.throttle(null);
        threads.shutdownNow();
    }

    private ChatUser partner(String name) {
        return new ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, Activities.aad(prefix + name));
    }

    private void sendDirect(ChatUser to, String text) {
        Lane.run(Lane.BULK, () -> {
            gateway.sendDirect(to, new Message(List.of(new Part.Paragraph(text))));
            return null;
        });
    }

    /** Delivers as the core's outbox does: a message handed back as TEMPORARY goes again after its wait. */
    private void deliver(ChatUser to, String text) {
        untilDelivered(() -> sendDirect(to, text));
    }

    @Test
    void invitationsTo120ChatsOfOneTenantAtOnceKeepToTheTenantsLimitAndArriveOnceEach() throws Exception {
        // half of the partners have a chat with the bot already (one send), half not yet (create it, then send)
        for (int i = 0; i < PARTNERS; i += 2) {
            assertThat(send(activities.installPersonal(prefix + "P" + i)).statusCode()).isEqualTo(200);
        }
        TeamsThrottle teams = new TeamsThrottle(1);
        CONNECTOR.throttle(teams);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            ChatUser to = partner("P" + i);
            String text = "uitnodiging " + i;
            sends.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                deliver(to, text);
            }, threads));
        }
        go.countDown();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);

        System.out.printf("TeamsTenantLimitTest: %d of %d requests answered 429, %d early%n", teams.throttled(),
                teams.calls(), teams.early());
        assertThat(teams.early()).as("calls before a Retry-After had passed (%d of %d answered 429)",
                teams.throttled(), teams.calls()).isZero();
        for (int i = 0; i < PARTNERS; i++) {
            String conversation = i % 2 == 0 ? Activities.personalConversation(prefix + "P" + i)
                    : "a:created-" + Activities.aad(prefix + "P" + i);
            String text = "uitnodiging " + i;
            assertThat(CONNECTOR.sentTo(conversation)).as(text)
                    .filteredOn(activity -> Cards.text(activity).contains("uitnodiging")).singleElement()
                    .satisfies(activity -> assertThat(Cards.text(activity)).contains(text));
        }
    }

    @Test
    void a429InOneConversationPausesEveryConversationOfTheTenantUntilItsRetryAfter() {
        String a = Activities.personalConversation(prefix + "A");
        String b = Activities.personalConversation(prefix + "B");
        CONNECTOR.failNext(c -> c.isSend() && c.conversationId().equals(a), 429, Map.of("Retry-After", "2"));

        DeliveryException throttled = catchThrowableOfType(() -> sendDirect(partner("A"), "bericht aan A"),
                DeliveryException.class);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(2));
        sendDirect(partner("B"), "bericht aan B");

        Instant refused = CONNECTOR.calls().stream().filter(FakeBotConnector.Call::isSend)
                .filter(c -> c.conversationId().equals(a)).findFirst().orElseThrow().at();
        List<FakeBotConnector.Call> toB = CONNECTOR.calls().stream().filter(FakeBotConnector.Call::isSend)
                .filter(c -> c.conversationId().equals(b)).toList();
        assertThat(toB).singleElement().satisfies(call -> assertThat(call.at())
                .as("the other conversation's message went after the tenant's Retry-After")
                .isAfterOrEqualTo(refused.plusSeconds(2)));
    }
}
