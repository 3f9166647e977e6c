package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.slack.SlackGateway;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.slack.SlackConnection;

/**
 * The Slack wiring: nothing of Slack without credentials; with a bot token and a signing secret
 * the application serves HTTP mode, and a signed {@code /borging help} reaches the core and its
 * answer goes back to the response_url (a local fake of Slack's side, over real HTTP).
 */
class SlackWiringTest {

    private static final String SECRET = "wiring-secret";

    @TempDir
    Path dir;

    private HttpServer fakeSlack;
    private final BlockingQueue<String> responses = new ArrayBlockingQueue<>(10);

    @BeforeEach
    void fakeSlack() throws IOException {
        fakeSlack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeSlack.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().startsWith("/respond")) {
                responses.add(body);
            }
            byte[] answer = ("{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        fakeSlack.start();
    }

    @AfterEach
    void stopFake() {
        fakeSlack.stop(0);
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db");
        System.arraycopy(extra, 0, args, 1, extra.length);
        return new SpringApplication(BorgingsbotApplication.class).run(args);
    }

    @Test
    void withoutCredentialsNothingOfSlackExists() {
        try (ConfigurableApplicationContext context = start("--SLACK_BOT_TOKEN=fake-bot-token-only")) {
            assertThat(context.getBeanProvider(SlackConnection.class).stream()).isEmpty();
            assertThat(context.getBeanProvider(ChatGateway.class).stream()).isEmpty();
        }
    }

    @Test
    void withABotTokenAndASigningSecretSlackCommandsReachTheCoreOverHttp() throws Exception {
        String fake = "http://127.0.0.1:" + fakeSlack.getAddress().getPort();
        try (ConfigurableApplicationContext context = start("--SLACK_BOT_TOKEN=fake-bot-token", "--SLACK_SIGNING_SECRET=" + SECRET,
                "--SLACK_API_URL=" + fake + "/api/")) {
            assertThat(context.getBean(ChatGateway.class).platform()).isEqualTo(SlackGateway.PLATFORM);
            int port = ServiceTesting.webPort(context);
            URI events = URI.create("http://127.0.0.1:" + port + "/slack/events");
            String form = "team_id=T1&user_id=U1&channel_id=C1&command=%2Fborging&text=help&response_url="
                    + URLEncoder.encode(fake + "/respond/1", StandardCharsets.UTF_8);

            assertThat(post(events, form, "v0=forged").statusCode()).isEqualTo(401);
            assertThat(post(events, form, null).statusCode()).isEqualTo(200);
            String reply = responses.poll(20, TimeUnit.SECONDS);
            assertThat(reply).isNotNull().contains("\"response_type\":\"ephemeral\"").contains("Borgingsbot — wat ik kan");
        }
    }

    private static HttpResponse<String> post(URI uri, String form, String signature) throws Exception {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", signature != null ? signature : sign(now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(long timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
