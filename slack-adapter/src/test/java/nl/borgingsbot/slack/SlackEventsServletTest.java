package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackEndpoint;
import nl.borgingsbot.slack.testing.SlackPayloads;
import nl.borgingsbot.slack.testing.SlackSigner;

/**
 * {@code /slack/events} as a servlet on the application's web server (an embedded Tomcat here, as in
 * the application): Bolt gets the body's raw bytes, whatever the platform's charset; the servlet takes
 * requests only while it is open, and a request being answered when it closes still gets its ack.
 */
class SlackEventsServletTest {

    private static final String SECRET = "servlet-test-secret";

    private final FakeSlack slack;
    private final SlackConnection connection;

    SlackEventsServletTest() throws Exception {
        slack = new FakeSlack();
        connection = new SlackConnection(new SlackSettings("fake-bot-token", Optional.empty(), Optional.of(SECRET),
                Optional.of(slack.apiUrl())));
    }

    @AfterEach
    void close() {
        connection.close();
        slack.close();
    }

    @Test
    void boltGetsTheRawUtf8BytesOfAnEventAndAFormEncodedCommand() throws Exception {
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(2);
        connection.app().use((request, response, chain) -> {
            seen.add(request instanceof SlashCommandRequest command ? command.getPayload().getText()
                    : request.getRequestBodyAsString());
            return Response.ok();
        });
        try (SlackEndpoint endpoint = SlackEndpoint.start(connection)) {
            String event = SlackPayloads.dmEvent("Ev1", "U1", "één regio", "1700000000").toString();
            String form = "team_id=T1&user_id=U1&channel_id=C1&command=%2Fborging&text="
                    + URLEncoder.encode("één regio", StandardCharsets.UTF_8);

            assertThat(post(endpoint.eventsUri(), "application/json", event).statusCode()).isEqualTo(200);
            assertThat(post(endpoint.eventsUri(), "application/x-www-form-urlencoded", form).statusCode()).isEqualTo(200);

            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(event).contains("één regio");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("één regio");
        }
    }

    @Test
    void aClosedEndpointAnswers503SoSlackSendsTheRequestAgain() throws Exception {
        try (SlackEndpoint endpoint = SlackEndpoint.start(connection)) {
            endpoint.servlet().close();

            assertThat(post(endpoint.eventsUri(), "application/json", dmEvent()).statusCode()).isEqualTo(503);

            endpoint.servlet().open(connection);
            assertThat(post(endpoint.eventsUri(), "application/json", dmEvent()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestBeingAnsweredWhenTheEndpointClosesStillGetsItsAck() throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        connection.app().use((request, response, chain) -> {
            answering.countDown();
            stopping.await(10, TimeUnit.SECONDS); // still answering while the endpoint closes
            return Response.ok();
        });
        try (SlackEndpoint endpoint = SlackEndpoint.start(connection)) {
            CompletableFuture<HttpResponse<String>> ack = HttpClient.newHttpClient()
                    .sendAsync(request(endpoint.eventsUri(), "application/json", dmEvent()), HttpResponse.BodyHandlers.ofString());
            assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();

            endpoint.servlet().close();
            stopping.countDown();

            assertThat(ack.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private static String dmEvent() {
        return SlackPayloads.dmEvent("Ev1", "U1", "hallo", "1700000000").toString();
    }

    private static HttpResponse<String> post(URI uri, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(request(uri, contentType, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(URI uri, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", SlackSigner.sign(SECRET, now, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }
}
