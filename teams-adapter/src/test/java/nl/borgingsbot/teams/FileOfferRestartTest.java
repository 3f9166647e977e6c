package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.MutableClock;

/**
 * A file offered in Teams (an export, "mijn gegevens") waits in the database: accepted after the
 * application was restarted on the same SQLite file, it is still uploaded; accepted after its
 * 24 hours, the person is told it expired and how to ask again, and the offer is gone.
 */
class FileOfferRestartTest {

    private static final byte[] CONTENT = "element;gemiddelde\ncultuur;3,4\n".getBytes(StandardCharsets.UTF_8);
    private static final FakeBotConnector CONNECTOR = TeamsHttpTest.CONNECTOR;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Activities activities = new Activities(CONNECTOR.url());
    private final HttpClient http = HttpClient.newHttpClient();

    private ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(TestApplication.class).properties(Map.of(
                "server.port", "0",
                "MICROSOFT_APP_ID", TeamsHttpTest.APP_ID,
                "MICROSOFT_APP_PASSWORD", "not-a-real-secret",
                "MICROSOFT_APP_TENANT_ID", Activities.TENANT,
                "test.admins", "teams:aad-" + TeamsHttpTest.ADMIN,
                "test.db-url", "jdbc:sqlite:" + database,
                "borging.teams.openid-metadata-url", TeamsHttpTest.BOT_FRAMEWORK.openIdMetadataUrl(),
                "borging.teams.authority-url", CONNECTOR.authorityUrl())).run();
    }

    private int send(ConfigurableApplicationContext context, String activity) {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + TeamsHttpTest.BOT_FRAMEWORK.token(TeamsHttpTest.APP_ID, CONNECTOR.url()))
                .POST(HttpRequest.BodyPublishers.ofString(activity, StandardCharsets.UTF_8)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Message export() {
        return Message.of(new Part.Paragraph("Hier is de export."),
                new Part.File(CONTENT, "export.csv", "text/csv", "Export van ronde 1"));
    }

    private static String fileIdOf(JsonNode activity) {
        return activity.path("attachments").get(1).path("content").path("acceptContext").path("fileId").asText();
    }

    /** The first call matching the path, waiting up to ten seconds for it (the bot may answer after the HTTP 200). */
    private static Optional<FakeBotConnector.Call> awaitCall(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<FakeBotConnector.Call> call = CONNECTOR.calls().stream().filter(c -> c.path().equals(path)).findFirst();
            if (call.isPresent()) {
                return call;
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    @Test
    void anOfferMadeBeforeARestartIsHonouredAfterIt() throws Exception {
        Path database = dir.resolve("bot.db");
        String user = "RESTART" + System.nanoTime();
        String fileId;
        try (ConfigurableApplicationContext before = start(database)) {
            assertThat(send(before, activities.installPersonal(user))).isEqualTo(200);
            before.getBean(TeamsGateway.class).sendDirect(
                    new ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, Activities.aad(user)), export());
            List<JsonNode> sent = CONNECTOR.sentTo(Activities.personalConversation(user));
            fileId = fileIdOf(sent.get(sent.size() - 1));
        }

        try (ConfigurableApplicationContext after = start(database)) {
            assertThat(send(after, activities.fileConsent(user, fileId, "accept", CONNECTOR.url() + "upload/" + user)))
                    .isEqualTo(200);

            assertThat(awaitCall("/upload/" + user)).hasValueSatisfying(upload -> {
                assertThat(upload.method()).isEqualTo("PUT");
                assertThat(upload.raw()).isEqualTo(CONTENT);
            });
        }
    }

    @Test
    void anExpiredOfferSaysSoAndIsRemoved() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("offers.db"), "", "")) {
            FileOffers offers = new FileOffers(database.dataSource(), clock);
            String fileId = fileIdOf(json(offers.activity(export())));
            assertThat(count(database)).isEqualTo(1);

            clock.advance(FileOffers.TTL.plusMinutes(1));
            Activity accept = ActivityJson.parse(activities.fileConsent("LATE", fileId, "accept",
                    CONNECTOR.url() + "upload/expired"));
            Optional<Activity> answer = offers.onConsent(accept);

            assertThat(answer).isPresent();
            assertThat(Cards.text(json(answer.get()))).contains("verlopen").contains("export");
            assertThat(CONNECTOR.calls()).noneSatisfy(c -> assertThat(c.path()).isEqualTo("/upload/expired"));
            assertThat(count(database)).isZero();
        }
    }

    private static JsonNode json(Activity activity) throws IOException {
        return JSON.readTree(Serialization.toString(activity));
    }

    private static int count(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM teams_file_offer")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
