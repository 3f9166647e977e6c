package nl.borgingsbot.teams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.microsoft.bot.connector.authentication.AppCredentials;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.RateLimits;

/**
 * The application with Teams connected as a configured deployment is (app id, secret, tenant),
 * on a random port, with the Bot Connector, the token endpoint and the Bot Framework's OpenID
 * metadata all local fakes over real HTTP on 127.0.0.1. Subclasses share one context; the fakes
 * live as long as the JVM, like the context Spring caches.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"MICROSOFT_APP_ID=" + TeamsHttpTest.APP_ID, "MICROSOFT_APP_PASSWORD=not-a-real-secret",
                "MICROSOFT_APP_TENANT_ID=" + Activities.TENANT, "test.admins=teams:aad-" + TeamsHttpTest.ADMIN,
                "borging.public-url=" + TeamsHttpTest.PUBLIC_URL})
abstract class TeamsHttpTest {

    static final String APP_ID = "app-borgingsbot";
    static final String ADMIN = "ADMIN";
    static final String PUBLIC_URL = "https://borgingsbot.example.org";

    static final FakeBotConnector CONNECTOR;
    static final FakeBotFramework BOT_FRAMEWORK;
    static final Path DATABASE;

    static {
        try {
            CONNECTOR = new FakeBotConnector();
            BOT_FRAMEWORK = new FakeBotFramework();
            DATABASE = Files.createTempDirectory("borgingsbot-teams").resolve("bot.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final Activities activities = new Activities(CONNECTOR.url());
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Borgingsbot core;
    @Autowired
    ConversationStore conversations;
    @Autowired
    AppCredentials credentials;
    @Autowired
    FileOffers files;

    @DynamicPropertySource
    static void teams(DynamicPropertyRegistry registry) {
        registry.add("borging.teams.openid-metadata-url", BOT_FRAMEWORK::openIdMetadataUrl);
        registry.add("borging.teams.authority-url", CONNECTOR::authorityUrl);
        registry.add("test.db-url", () -> "jdbc:sqlite:" + DATABASE);
    }

    /** A gateway to the fake connector that does not retry by itself, its calls paced by {@code limits}. */
    TeamsGateway gatewayWithoutRetries(RateLimits limits) {
        return new TeamsGateway(conversations, new ConnectorClients(credentials, ConnectorRetryStrategy.none()), files,
                ImageLinks.none(), limits);
    }

    /** POSTs an activity to /api/messages with the given Authorization header (or none). */
    HttpResponse<String> post(String activityJson, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(activityJson, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * POSTs an activity as the Bot Framework does (with a valid signed token), then waits until the
     * core has handled it and sent its replies (they follow the HTTP answer).
     */
    HttpResponse<String> send(String activityJson) {
        HttpResponse<String> response = sendOnly(activityJson);
        awaitHandled();
        return response;
    }

    /** POSTs an activity with a valid token; returns with the HTTP answer, before the work it causes. */
    HttpResponse<String> sendOnly(String activityJson) {
        return post(activityJson, "Bearer " + BOT_FRAMEWORK.token(APP_ID, CONNECTOR.url()));
    }

    /**
     * Waits until every activity accepted so far has been handled and answered, and the messages
     * it put in the outbox (invitations, the managers' outcome) delivered.
     */
    void awaitHandled() {
        if (!core.awaitIdle(Duration.ofSeconds(60))) {
            throw new AssertionError("the bot did not finish handling the activities within a minute");
        }
        if (!core.outbox().awaitEmpty(Duration.ofSeconds(60))) {
            throw new AssertionError("the bot did not deliver what it had to within a minute");
        }
    }

    /**
     * Sends as the core's outbox does: a message handed back as {@code TEMPORARY} (throttled, or
     * left to the outbox by the rate limiter) goes again after its {@code Retry-After}; any other
     * failure fails the test.
     */
    static void untilDelivered(Runnable send) {
        while (true) {
            try {
                send.run();
                return;
            } catch (DeliveryException e) {
                if (e.reason() != DeliveryException.Reason.TEMPORARY) {
                    throw new AssertionError("not a temporary failure: " + e.reason(), e);
                }
                try {
                    Thread.sleep(e.retryAfter().orElse(Duration.ofSeconds(1)).toMillis());
                } catch (InterruptedException interrupted) {
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }
}
