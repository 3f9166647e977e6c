package nl.borgingsbot.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import nl.borgingsbot.slack.testing.SlackSigner;

/** Sends what Slack sends to a bot's {@code /slack/events}: a body signed now with the signing secret. */
final class SignedSlack {

    static final String SECRET = "two-instances-signing-secret";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedSlack() {
    }

    static URI events(int port) {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    /** POSTs {@code body}, signed; {@code retry} adds Slack's retry headers. The HTTP status. */
    static int send(URI events, String body, String contentType, boolean retry) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(events)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", SlackSigner.sign(SECRET, now, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (retry) {
            request.header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
