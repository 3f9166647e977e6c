package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.slack.api.bolt.response.Response;
import org.junit.jupiter.api.Test;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackPayloads;
import nl.borgingsbot.slack.testing.SlackSigner;

/**
 * Closing the HTTP mode's server (the first step of a graceful shutdown) stops taking requests
 * but lets a request it is answering finish: what the core accepted is acknowledged to Slack.
 */
class SlackHttpServerTest {

    private static final String SECRET = "server-test-secret";

    @Test
    void aRequestBeingAnsweredWhenTheServerClosesStillGetsItsAck() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            SlackConnection connection = new SlackConnection(new SlackSettings("fake-bot-token", Optional.empty(),
                    Optional.of(SECRET), Optional.of(slack.apiUrl())));
            CountDownLatch answering = new CountDownLatch(1);
            CountDownLatch stopping = new CountDownLatch(1);
            connection.app().use((request, response, chain) -> {
                answering.countDown();
                stopping.await(10, TimeUnit.SECONDS); // still answering while the server closes
                return Response.ok();
            });
            SlackHttpServer server = SlackHttpServer.start(connection, "127.0.0.1", 0);
            int port = server.port();

            byte[] body = SlackPayloads.dmEvent("Ev1", "U1", "hallo", "1700000000").toString().getBytes(StandardCharsets.UTF_8);
            long now = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SlackHttpServer.PATH))
                    .header("Content-Type", "application/json")
                    .header("X-Slack-Request-Timestamp", String.valueOf(now))
                    .header("X-Slack-Signature", SlackSigner.sign(SECRET, now, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            CompletableFuture<HttpResponse<String>> ack = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();

            Thread closing = new Thread(server::close, "closing");
            closing.start();
            awaitRefused(port); // no new requests
            stopping.countDown();

            assertThat(ack.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            closing.join(10_000);
            assertThat(closing.isAlive()).isFalse();
            connection.close();
        }
    }

    /** Waits until the port no longer takes connections. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return;
            } catch (java.io.IOException other) {
                return;
            }
        }
        throw new AssertionError("the server still takes connections");
    }
}
