package nl.borgingsbot.teams;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatGatewayContract;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * The Teams gateway over real HTTP against the fake Bot Connector the Teams tests share
 * ({@link TeamsHttpTest#CONNECTOR}) keeps the ChatGateway contract. The person's 1:1 chat and the
 * channel are known as if the app had been installed (their conversation references stored).
 */
class TeamsGatewayContractTest extends ChatGatewayContract {

    private static final FakeBotConnector CONNECTOR = TeamsHttpTest.CONNECTOR;
    private static final String BOT = "28:" + TeamsHttpTest.APP_ID;

    @TempDir
    Path dir;

    private final String prefix = "K" + System.nanoTime();
    private final ChatUser person = new ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, "aad-" + prefix);
    private final ChatChannel channel = new ChatChannel(TeamsGateway.PLATFORM, Activities.TENANT, "19:" + prefix + "@thread.tacv2");
    private final String personalChat = "a:" + prefix;
    private Database database;
    private TeamsGateway gateway;
    private int callsBefore;

    @BeforeEach
    void install() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"), "", "");
        ConversationStore store = new ConversationStore(database.dataSource(), Clock.systemUTC());
        store.save(new ConversationRef(ConversationRef.Kind.PERSONAL, Activities.TENANT, person.userId(), CONNECTOR.url(),
                personalChat, Optional.of("29:" + prefix), BOT));
        store.save(new ConversationRef(ConversationRef.Kind.CHANNEL, Activities.TENANT, channel.channelId(), CONNECTOR.url(),
                channel.channelId(), Optional.empty(), BOT));
        // the waits between the SDK's attempts pass at once: the test checks what the platform answers
        ConnectorClients clients = new ConnectorClients(MicrosoftAppCredentials.empty(),
                new ConnectorRetryStrategy(4, Duration.ofMillis(500), Duration.ofSeconds(30), wait -> { }, Telemetry.NONE));
        gateway = new TeamsGateway(store, clients, new FileOffers(database.dataSource(), Clock.systemUTC()));
        callsBefore = CONNECTOR.calls().size();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected ChatGateway gateway() {
        return gateway;
    }

    @Override
    protected ChatUser person() {
        return person;
    }

    @Override
    protected ChatChannel channel() {
        return channel;
    }

    /** Each activity the connector accepted for this test's chat or channel: a post starts a thread, a send goes into one. */
    @Override
    protected List<Received> received() {
        List<Received> received = new ArrayList<>();
        List<FakeBotConnector.Call> calls = CONNECTOR.calls();
        List<FakeBotConnector.Call> delivered = CONNECTOR.delivered();
        for (FakeBotConnector.Call call : calls.subList(callsBefore, calls.size())) {
            if (!delivered.contains(call)) {
                continue;
            }
            if (call.isSend() && call.conversationId().equals(personalChat)) {
                received.add(received(toUser(person.userId()), Optional.empty(), call.body()));
            } else if (call.isSend() && call.conversationId().startsWith(channel.channelId() + ";messageid=")) {
                String thread = call.conversationId().substring((channel.channelId() + ";messageid=").length());
                received.add(received(toChannel(channel.channelId()), Optional.of(thread), call.body()));
            } else if (isChannelPost(call)) {
                received.add(received(toChannel(channel.channelId()), Optional.empty(), call.body().path("activity")));
            }
        }
        return received;
    }

    private boolean isChannelPost(FakeBotConnector.Call call) {
        return call.method().equals("POST") && call.path().equals("/v3/conversations")
                && call.body().path("channelData").path("channel").path("id").asText().equals(channel.channelId());
    }

    private static Received received(String to, Optional<String> thread, JsonNode activity) {
        List<String> files = new ArrayList<>();
        activity.path("attachments").forEach(a -> {
            if (a.path("contentType").asText().equals(FileOffers.CONSENT_CARD)) {
                files.add(a.path("name").asText());
            }
        });
        return new Received(to, thread, Cards.text(activity), Cards.elements(activity, "Image").size(), files);
    }

    @Override
    protected boolean fail(Failure failure) {
        switch (failure) {
            case USER_GONE -> {
                return false; // the Bot Connector answers 403/404 alike for a person gone and one who removed the app
            }
            case USER_UNREACHABLE -> CONNECTOR.failNext(c -> c.isSend() && c.conversationId().equals(personalChat), 403, Map.of());
            case NOT_IN_CHANNEL -> CONNECTOR.failNext(this::isChannelPost, 403, Map.of());
            case CHANNEL_NOT_FOUND -> CONNECTOR.failNext(this::isChannelPost, 404, Map.of());
            case THROTTLED -> {
                for (int i = 0; i < 10; i++) { // more than the SDK's attempts (1 + 4 retries)
                    CONNECTOR.failNext(c -> c.isSend() && c.conversationId().equals(personalChat), 429,
                            Map.of("Retry-After", String.valueOf(RETRY_AFTER.toSeconds())));
                }
            }
        }
        return true;
    }
}
