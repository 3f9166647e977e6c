package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;

/** A file for a person (an export) is offered with a consent card and uploaded when accepted. */
class FileOfferTest extends TeamsHttpTest {

    private static final byte[] CONTENT = "element;gemiddelde\ncultuur;3,4\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    TeamsGateway gateway;

    private JsonNode offer(String user) {
        assertThat(send(activities.installPersonal(user)).statusCode()).isEqualTo(200);
        gateway.sendDirect(new ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, Activities.aad(user)),
                Message.of(new Part.Paragraph("Hier is de export."),
                        new Part.File(CONTENT, "export.csv", "text/csv", "Export van ronde 1")));
        List<JsonNode> sent = CONNECTOR.sentTo(Activities.personalConversation(user));
        JsonNode attachments = sent.get(sent.size() - 1).path("attachments");
        assertThat(attachments.get(0).path("contentType").asText()).isEqualTo(AdaptiveCards.CONTENT_TYPE);
        JsonNode consent = attachments.get(1);
        assertThat(consent.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.consent");
        assertThat(consent.path("name").asText()).isEqualTo("export.csv");
        assertThat(consent.path("content").path("sizeInBytes").asInt()).isEqualTo(CONTENT.length);
        assertThat(consent.path("content").path("description").asText()).isEqualTo("Export van ronde 1");
        return consent;
    }

    @Test
    void anAcceptedFileIsUploadedToTheGivenUrlAndShown() {
        JsonNode consent = offer("FILES");
        String fileId = consent.path("content").path("acceptContext").path("fileId").asText();

        assertThat(send(activities.fileConsent("FILES", fileId, "accept", CONNECTOR.url() + "upload/export"))
                .statusCode()).isEqualTo(200);

        FakeBotConnector.Call upload = CONNECTOR.calls().stream().filter(c -> c.path().equals("/upload/export"))
                .findFirst().orElseThrow();
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.raw()).isEqualTo(CONTENT);
        List<JsonNode> sent = CONNECTOR.sentTo(Activities.personalConversation("FILES"));
        JsonNode info = sent.get(sent.size() - 1).path("attachments").get(0);
        assertThat(info.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.info");
        assertThat(info.path("contentUrl").asText()).isEqualTo("https://contoso.example/personal/export.xlsx");
        assertThat(info.path("content").path("uniqueId").asText()).isEqualTo("unique-1");

        // the offer is used up: accepting again uploads nothing
        int calls = CONNECTOR.calls().size();
        assertThat(send(activities.fileConsent("FILES", fileId, "accept", CONNECTOR.url() + "upload/again"))
                .statusCode()).isEqualTo(200);
        assertThat(CONNECTOR.calls().subList(calls, CONNECTOR.calls().size()))
                .noneSatisfy(c -> assertThat(c.path()).startsWith("/upload/"));
    }

    @Test
    void aDeclinedFileIsForgottenAndNotUploaded() {
        JsonNode consent = offer("DECLINE");
        String fileId = consent.path("content").path("declineContext").path("fileId").asText();

        assertThat(send(activities.fileConsent("DECLINE", fileId, "decline", CONNECTOR.url() + "upload/declined"))
                .statusCode()).isEqualTo(200);
        assertThat(send(activities.fileConsent("DECLINE", fileId, "accept", CONNECTOR.url() + "upload/declined"))
                .statusCode()).isEqualTo(200);

        assertThat(CONNECTOR.calls()).noneSatisfy(c -> assertThat(c.path()).isEqualTo("/upload/declined"));
    }
}
