package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.i18n.Refusal;
import nl.borgingsbot.slack.testing.FakeSlack;

/**
 * Starting against Slack: a Slack that cannot be reached is said to be unreachable (not "the
 * token is invalid"), a refused token is said to be refused, and a bot that waits for Slack tries
 * again with growing pauses. Against a closed local port, a local Slack answering HTTP 503 and the
 * local fake Slack, over real HTTP.
 */
class SlackStartTest {

    private static SlackConnection connection(String apiUrl) {
        return new SlackConnection(new SlackSettings("xoxb-test", Optional.empty(), Optional.of("secret"),
                Optional.of(apiUrl)), 1);
    }

    private static String closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/api/";
        }
    }

    @Test
    void aSlackThatCannotBeReachedIsCalledUnreachableAtItsAddressNotABadToken() throws Exception {
        String api = closedPort();
        try (SlackConnection slack = connection(api)) {
            assertThatThrownBy(slack::authenticate).isInstanceOf(SlackConnection.Unreachable.class)
                    .hasMessageStartingWith("I cannot reach Slack at " + api + " (ConnectException")
                    .hasMessageNotContaining("token");
        }
    }

    @Test
    void aTokenSlackRefusesIsCalledRefused() throws Exception {
        try (FakeSlack fake = new FakeSlack(); SlackConnection slack = connection(fake.apiUrl())) {
            fake.fail("auth.test", "", "invalid_auth");

            assertThatThrownBy(slack::authenticate).isInstanceOf(Refusal.class)
                    .isNotInstanceOf(SlackConnection.Unreachable.class)
                    .hasMessageStartingWith("Slack refuses SLACK_BOT_TOKEN (invalid_auth).");
        }
    }

    @Test
    void aBotThatWaitsForSlackTriesAgainWithGrowingPausesUntilSlackAnswers() throws Exception {
        AtomicBoolean slackIsBack = new AtomicBoolean();
        HttpServer slackApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slackApi.createContext("/", exchange -> { // HTTP 503 until the third pause, then auth.test answers ok
            byte[] body = (slackIsBack.get() ? "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\"}" : "down")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(slackIsBack.get() ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slackApi.start();
        try (SlackConnection slack = connection("http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/")) {
            List<Duration> pauses = new ArrayList<>();

            slack.awaitSlack(pause -> {
                pauses.add(pause);
                slackIsBack.set(pauses.size() == 3);
            });

            assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        } finally {
            slackApi.stop(0);
        }
    }

    @Test
    void theWaitGrowsToAMinuteAndStaysThere() throws Exception {
        try (SlackConnection slack = connection(closedPort())) {
            List<Duration> pauses = new ArrayList<>();

            assertThatThrownBy(() -> slack.awaitSlack(pause -> {
                pauses.add(pause);
                if (pauses.size() == 9) {
                    throw new InterruptedException("enough");
                }
            })).isInstanceOf(InterruptedException.class);

            assertThat(pauses).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        }
    }
}
