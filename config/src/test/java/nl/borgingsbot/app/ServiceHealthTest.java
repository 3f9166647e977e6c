package nl.borgingsbot.app;

import static nl.borgingsbot.app.ServiceTesting.management;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.core.store.Database;

/**
 * Health and readiness on the management port: liveness is the process; readiness is DOWN while a
 * configured chat platform is not connected (Slack refuses the token; Teams gets no token) and when
 * the database cannot be reached, UP otherwise. Only health and Prometheus are exposed. Slack is a
 * local fake of its Web API over real HTTP whose {@code auth.test} can be told to refuse.
 */
class ServiceHealthTest {

    private static final String ACTIVITY = """
            {"type":"conversationUpdate","id":"1","timestamp":"2026-11-23T09:15:30Z","channelId":"emulator",
             "serviceUrl":"http://127.0.0.1:1/","from":{"id":"user-1"},"recipient":{"id":"bot"},
             "conversation":{"id":"conv-1","conversationType":"personal"}}""";

    @TempDir
    Path dir;

    private HttpServer fakeSlack;
    private final AtomicBoolean tokenAccepted = new AtomicBoolean(false);

    @BeforeEach
    void fakeSlack() throws IOException {
        fakeSlack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeSlack.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = (tokenAccepted.get() ? "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\"}"
                    : "{\"ok\":false,\"error\":\"invalid_auth\"}").getBytes(StandardCharsets.UTF_8);
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

    private ConfigurableApplicationContext startSlack() {
        return start("--SLACK_BOT_TOKEN=fake-bot-token", "--SLACK_SIGNING_SECRET=fake-secret",
                "--SLACK_API_URL=http://127.0.0.1:" + fakeSlack.getAddress().getPort() + "/api/");
    }

    @Test
    void readinessFollowsSlackAndTheDatabase() throws Exception {
        tokenAccepted.set(true); // Bolt checks the token at start-up; a refused token stops the start
        try (ConfigurableApplicationContext context = startSlack()) {
            assertThat(context).isInstanceOf(WebServerApplicationContext.class);
            var ready = management(context, "/actuator/health/readiness");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"database\":{\"status\":\"UP\"").contains("\"platforms\":{\"status\":\"UP\"");

            tokenAccepted.set(false); // the token was revoked, or Slack does not answer
            var notConnected = management(context, "/actuator/health/readiness");
            assertThat(notConnected.statusCode()).isEqualTo(503);
            assertThat(notConnected.body()).contains("\"platforms\":{\"status\":\"DOWN\"");
            assertThat(management(context, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            tokenAccepted.set(true);
            assertThat(management(context, "/actuator/health/readiness").statusCode()).isEqualTo(200);

            context.getBean(Database.class).close();
            var noDatabase = management(context, "/actuator/health/readiness");
            assertThat(noDatabase.statusCode()).isEqualTo(503);
            assertThat(noDatabase.body()).contains("\"database\":{\"status\":\"DOWN\"");
        }
    }

    @Test
    void teamsIsNotReadyWithoutAToken() throws Exception {
        try (ConfigurableApplicationContext context = start("--MICROSOFT_APP_ID=app-1",
                "--MICROSOFT_APP_PASSWORD=secret", "--MICROSOFT_APP_TENANT_ID=tenant-1",
                // never Microsoft's hosts from a test: a closed local port
                "--borging.teams.openid-metadata-url=http://127.0.0.1:1/openid",
                "--borging.teams.authority-url=https://127.0.0.1:1/tenant/")) {
            var readiness = management(context, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"platforms\":{\"status\":\"DOWN\"");
        }
        try (ConfigurableApplicationContext context = start("--borging.teams.emulator=true")) {
            assertThat(management(context, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            // a request to /api/messages is timed
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpRequest activity = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ACTIVITY)).build();
            assertThat(HttpClient.newHttpClient().send(activity, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(200);
            assertThat(management(context, "/actuator/prometheus").body())
                    .contains("borging_teams_request_seconds_count 1").contains("borging_teams_request_seconds_bucket{le=");
        }
    }

    @Test
    void onlyHealthAndPrometheusAreExposed() throws Exception {
        tokenAccepted.set(true);
        try (ConfigurableApplicationContext context = startSlack()) {
            assertThat(management(context, "/actuator/health").statusCode()).isEqualTo(200);
            assertThat(management(context, "/actuator/prometheus").statusCode()).isEqualTo(200);
            for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops",
                    "/actuator/metrics", "/actuator/loggers", "/actuator/heapdump"}) {
                assertThat(management(context, hidden).statusCode()).as(hidden).isEqualTo(404);
            }
        }
    }
}
