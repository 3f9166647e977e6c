package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.PostedMessage;

/**
 * A region of 25 partners in Teams: the report with its radar reaches the channel, every
 * reflection is in its thread exactly once, and no request is over the Bot Service's 256 KB. When
 * Teams still refuses the inline image, the image comes by link (with BORGING_PUBLIC_URL) or the
 * report comes without it and says how to get it.
 */
class TeamsBigRegionTest extends TeamsHttpTest {

    static final String CHANNEL = "19:regio-groot@thread.tacv2";
    static final int PARTNERS = 25;

    private final Activities here = new Activities(CONNECTOR.url(), CHANNEL);

    @Autowired
    TeamsGateway gateway;
    @Autowired
    ConnectorClients clients;

    private static String reflection(int partner, int prompt) {
        String marker = "[R" + partner + "-" + prompt + "]";
        return marker + " coördinatie en één doorlopende leerlijn".repeat(45) + " " + marker;
    }

    private void inChannel(String text, String... people) {
        assertThat(send(here.mention(ADMIN, "root-groot", text, people)).statusCode()).isEqualTo(200);
    }

    private void dm(String user, String text) {
        assertThat(send(here.dm(user, text)).statusCode()).isEqualTo(200);
    }

    @Test
    void theReportOfTwentyFivePartnersReachesTheChannelWithEveryReflectionAndNoRequestOverTheLimit() throws IOException {
        assertThat(send(here.installInTeam(ADMIN)).statusCode()).isEqualTo(200);
        inChannel("regio koppel Groot");
        for (int p = 1; p <= PARTNERS; p++) {
            String user = "G" + p;
            CONNECTOR.member(Activities.teamsId(user), Activities.aad(user));
            assertThat(send(here.installPersonal(user)).statusCode()).isEqualTo(200);
            inChannel("partner toevoegen <at>" + user + "</at> Organisatie " + p, user);
        }
        inChannel("ronde start 7-12-2026");
        for (int p = 1; p <= PARTNERS; p++) {
            String user = "G" + p;
            dm(user, "start");
            for (int prompt = 1; prompt <= 3; prompt++) {
                dm(user, reflection(p, prompt));
            }
            // every partner's own line, so the radar is as large as a real region's
            java.util.Random scores = new java.util.Random(p);
            for (int s = 0; s < 7; s++) {
                dm(user, String.valueOf(1 + scores.nextInt(5)));
            }
            dm(user, "versturen");
        }
        CONNECTOR.clear();
        inChannel("ronde sluit");

        assertThat(CONNECTOR.calls()).allSatisfy(call -> assertThat(call.raw().length)
                .as(call.method() + " " + call.path()).isLessThanOrEqualTo(FakeBotConnector.MAX_REQUEST));
        FakeBotConnector.Call post = CONNECTOR.calls().stream()
                .filter(c -> c.path().equals("/v3/conversations") && c.body().path("isGroup").asBoolean())
                .filter(c -> c.body().path("channelData").path("channel").path("id").asText().equals(CHANNEL))
                .findFirst().orElseThrow();
        JsonNode report = post.body().path("activity");
        assertThat(Cards.text(report)).contains("25 van de 25 partners");
        String url = Cards.elements(report, "Image").get(0).path("url").asText();
        assertThat(url).startsWith("data:image/png;base64,");
        System.out.printf("25-partner report: radar inline as %d KB of base64, the request %d KB%n",
                url.length() / 1024, post.raw().length / 1024);
        byte[] png = Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()));
        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();

        List<JsonNode> thread = CONNECTOR.calls().stream().filter(FakeBotConnector.Call::isSend)
                .filter(c -> c.conversationId().startsWith(CHANNEL + ";messageid=")).map(FakeBotConnector.Call::body)
                .toList();
        assertThat(thread.size()).as("the reflections need more than one card").isGreaterThan(1);
        List<String> markers = new ArrayList<>();
        for (JsonNode reply : thread) {
            assertThat(reply.toString().length()).isLessThan(100 * 1024);
            Matcher matcher = Pattern.compile("\\[R\\d+-\\d]").matcher(Cards.text(reply));
            while (matcher.find()) {
                markers.add(matcher.group());
            }
        }
        assertThat(markers).hasSize(PARTNERS * 3 * 2);
        for (int p = 1; p <= PARTNERS; p++) {
            for (int prompt = 1; prompt <= 3; prompt++) {
                String marker = "[R" + p + "-" + prompt + "]";
                assertThat(markers.stream().filter(marker::equals)).as(marker).hasSize(2);
            }
        }
        assertThat(String.join("\n", thread.stream().map(Cards::text).toList()))
                .contains("[R7-2] coördinatie en één doorlopende leerlijn coördinatie");
    }

    @Test
    void aDirectMessageTooLargeForOneCardArrivesWholeInSeveral() {
        assertThat(send(here.installPersonal("BIGDM")).statusCode()).isEqualTo(200);
        Message.Builder answers = Message.builder().heading("Je antwoorden");
        for (int i = 1; i <= 60; i++) {
            answers.add(new Part.UserText(java.util.Optional.empty(), "[D" + i + "]" + " één leerlijn".repeat(150)));
        }
        gateway.sendDirect(new nl.borgingsbot.core.chat.ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, Activities.aad("BIGDM")),
                answers.build());

        List<JsonNode> sent = CONNECTOR.sentTo(Activities.personalConversation("BIGDM"));
        assertThat(sent.size()).isGreaterThan(1);
        String all = String.join("\n", sent.stream().map(Cards::text).toList());
        for (int i = 1; i <= 60; i++) {
            assertThat(all).contains("[D" + i + "] één leerlijn");
        }
        assertThat(sent).allSatisfy(activity -> assertThat(activity.toString().length()).isLessThan(100 * 1024));
    }

    private static Message reportWithImage() {
        return Message.builder().heading("Borgingscheck Groot")
                .add(new Part.Image(TeamsImagesTest.radar(25), "radar van 25 partners", "radar.png"))
                .paragraph("Laagst scorende elementen").build();
    }

    private PostedMessage postRefusedOnceAsTooLarge(TeamsGateway through) {
        assertThat(send(here.installInTeam(ADMIN)).statusCode()).isEqualTo(200);
        CONNECTOR.clear();
        CONNECTOR.failNext(c -> c.path().equals("/v3/conversations") && c.body().path("isGroup").asBoolean(), 413, Map.of());
        return through.postToChannel(new ChatChannel(TeamsGateway.PLATFORM, Activities.TENANT, CHANNEL), reportWithImage());
    }

    private JsonNode secondPost() {
        List<FakeBotConnector.Call> posts = CONNECTOR.calls().stream()
                .filter(c -> c.path().equals("/v3/conversations") && c.body().path("isGroup").asBoolean()).toList();
        assertThat(posts).hasSize(2);
        return posts.get(1).body().path("activity");
    }

    @Test
    void whenTeamsStillRefusesTheImageInlineItComesByAnUnguessableLinkFromTheBot() throws Exception {
        postRefusedOnceAsTooLarge(gateway);

        JsonNode report = secondPost();
        assertThat(Cards.text(report)).contains("Borgingscheck Groot").contains("Laagst scorende elementen");
        String link = Cards.elements(report, "Image").get(0).path("url").asText();
        assertThat(link).startsWith(PUBLIC_URL + ImageLinks.PATH);
        String token = link.substring((PUBLIC_URL + ImageLinks.PATH).length());
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + ImageLinks.PATH + token)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(image.body()))).isNotNull();
        HttpResponse<byte[]> guessed = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + ImageLinks.PATH + "A" + token.substring(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(guessed.statusCode()).isEqualTo(404);
    }

    @Test
    void withoutAPublicUrlTheReportComesWithoutTheImageAndSaysHowToGetIt() {
        postRefusedOnceAsTooLarge(new TeamsGateway(conversations, clients, files, ImageLinks.none()));

        JsonNode report = secondPost();
        assertThat(Cards.elements(report, "Image")).isEmpty();
        assertThat(Cards.text(report)).contains("Borgingscheck Groot").contains("Laagst scorende elementen")
                .contains("De radargrafiek was te groot").contains("export");
    }
}
