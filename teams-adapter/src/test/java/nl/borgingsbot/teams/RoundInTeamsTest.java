package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A whole round in Teams over real HTTP: the app installed in the team and by partners, the
 * region linked by mentioning the bot in the channel, partners added by mention, the round opened
 * (1:1 cards at the fake Bot Connector, a 1:1 chat created for a partner who never wrote, a partner
 * the app cannot reach reported to the manager), answers by card submit and by typing, the round
 * closed, the report card with the radar in the channel and the reflections in its thread.
 */
class RoundInTeamsTest extends TeamsHttpTest {

    private static final String THREAD = "root-1";
    private static final String CHANNEL_THREAD = Activities.CHANNEL + ";messageid=" + THREAD;
    private static final String HOSTILE = "<b>Samen</b> **lessen** [klik](https://evil.example) <at>Jan</at>";

    private int cards;
    private String lastSubmit;

    private String mention(String text, String... people) {
        assertThat(send(activities.mention(ADMIN, THREAD, text, people)).statusCode()).isEqualTo(200);
        return Cards.text(last(CHANNEL_THREAD));
    }

    private String dm(String user, String text) {
        assertThat(send(activities.dm(user, text)).statusCode()).isEqualTo(200);
        return Cards.text(last(Activities.personalConversation(user)));
    }

    /** Clicks a button on the last card the person got, with a toelichting typed in the card. */
    private String click(String user, String conversation, String label, String note) {
        JsonNode data = Cards.button(last(conversation), label).orElseThrow(
                () -> new AssertionError("no button " + label + " on " + Cards.text(last(conversation))));
        String cardId = "card-" + (++cards);
        lastSubmit = activities.submit(user, cardId, data, note);
        assertThat(send(lastSubmit).statusCode()).isEqualTo(200);
        FakeBotConnector.Call update = CONNECTOR.calls().stream()
                .filter(c -> c.method().equals("PUT") && c.path().endsWith("/activities/" + cardId))
                .findFirst().orElseThrow(() -> new AssertionError("the clicked card was not updated"));
        assertThat(Cards.text(update.body())).contains("\u2713 " + data.get(AdaptiveCards.LABEL).asText());
        assertThat(Cards.elements(update.body(), "Action.Submit")).isEmpty();
        return Cards.text(last(Activities.personalConversation(user)));
    }

    private static JsonNode last(String conversation) {
        List<JsonNode> sent = CONNECTOR.sentTo(conversation);
        assertThat(sent).as("activities sent to " + conversation).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    private void answerByTyping(String user, String denken, int... scores) {
        dm(user, "start");
        dm(user, denken);
        dm(user, "Zien " + user);
        dm(user, "Vragen " + user);
        for (int score : scores) {
            dm(user, String.valueOf(score));
        }
        assertThat(dm(user, "versturen")).contains("verstuurd");
    }

    @Test
    void aWholeRoundFromInstallingTheAppToTheReportInTheChannel() throws Exception {
        // installed in the team, and by three of the four partners in their personal scope
        assertThat(send(activities.installInTeam(ADMIN)).statusCode()).isEqualTo(200);
        for (String user : List.of("U1", "U2", "ADMIN")) {
            assertThat(send(activities.installPersonal(user)).statusCode()).isEqualTo(200);
        }
        for (String user : List.of("U1", "U2", "U3", "U4")) {
            CONNECTOR.member(Activities.teamsId(user), Activities.aad(user));
        }
        // U4 has not installed the app: Teams refuses to create the 1:1 chat
        CONNECTOR.failNext(c -> c.path().equals("/v3/conversations")
                && c.body().path("members").path(0).path("id").asText().equals(Activities.aad("U4")), 403, Map.of());

        assertThat(mention("regio koppel Noord")).contains("regio Noord").contains("programmamanager");
        for (String user : List.of("U1", "U2", "U3", "U4")) {
            assertThat(mention("partner toevoegen <at>" + user + "</at> Organisatie " + user, user))
                    .contains("toegevoegd");
        }

        String opened = mention("ronde start 7-12-2026");
        assertThat(opened).contains("Ronde 1 van regio Noord is geopend");
        // the manager hears the outcome once every invitation was delivered or failed
        assertThat(CONNECTOR.sentTo(Activities.personalConversation("ADMIN")).stream().map(Cards::text))
                .anySatisfy(text -> assertThat(text).contains("Deze partners kon ik geen privébericht sturen").contains("U4"));
        JsonNode intro = last(Activities.personalConversation("U1"));
        assertThat(Cards.text(intro)).contains("3 reflectievragen en 7 stellingen");
        assertThat(Cards.card(intro).path("version").asText()).isEqualTo("1.5");
        // U3 never wrote to the bot: the bot created the 1:1 chat with tenant and AAD object id
        FakeBotConnector.Call created = CONNECTOR.calls().stream()
                .filter(c -> c.path().equals("/v3/conversations") && !c.body().path("isGroup").asBoolean())
                .filter(c -> c.body().path("members").path(0).path("id").asText().equals(Activities.aad("U3")))
                .findFirst().orElseThrow();
        assertThat(created.body().path("tenantId").asText()).isEqualTo(Activities.TENANT);
        assertThat(Cards.text(last("a:created-" + Activities.aad("U3")))).contains("3 reflectievragen");

        // U1 answers with the buttons, and a toelichting typed in a card
        String conversation = Activities.personalConversation("U1");
        assertThat(click("U1", conversation, "Start", "")).contains("Bij borging in de regio denk ik aan");
        dm("U1", "Een vaste plek in het rooster");
        dm("U1", "Samen lessen ontwikkelen");
        assertThat(dm("U1", "Wie coördineert na 2027?")).contains("STO is geïntegreerd binnen de (lijn)organisatie.");
        int[] scores = {4, 4, 4, 4, 4, 1, 2};
        for (int i = 0; i < scores.length; i++) {
            String next = click("U1", conversation, String.valueOf(scores[i]), i == 6 ? "omdat we geen monitoring hebben" : "");
            if (i == 0) {
                // the same card submitted again (a double click, a retried request) stores no second answer
                assertThat(next).contains("Stelling 2 van 7");
                assertThat(send(lastSubmit).statusCode()).isEqualTo(200);
                assertThat(Cards.text(last(conversation))).contains("Stelling 2 van 7").doesNotContain("Stelling 3 van 7");
            }
        }
        assertThat(Cards.text(last(conversation))).contains("Je antwoorden").contains("omdat we geen monitoring hebben");
        assertThat(click("U1", conversation, "Versturen", "")).contains("verstuurd");

        // U2 and U3 type everything; U2's reflection holds markup and a mention
        answerByTyping("U2", HOSTILE, 3, 5, 3, 4, 1, 2, 3);
        answerByTyping("U3", "Denken U3", 3, 4, 3, 5, 4, 2, 3);

        CONNECTOR.clear();
        String closed = mention("ronde sluit");
        assertThat(closed).contains("Ronde 1 van regio Noord is gesloten");

        // the report: a new thread in the region channel, with the radar inline
        FakeBotConnector.Call post = CONNECTOR.calls().stream()
                .filter(c -> c.path().equals("/v3/conversations") && c.body().path("isGroup").asBoolean())
                .findFirst().orElseThrow();
        assertThat(post.body().path("channelData").path("channel").path("id").asText()).isEqualTo(Activities.CHANNEL);
        JsonNode report = post.body().path("activity");
        assertThat(Cards.text(report)).contains("3 van de 4 partners hebben gereageerd")
                .contains("Laagst scorende elementen").contains("Inzicht in resultaten en effecten");
        JsonNode image = Cards.elements(report, "Image").get(0);
        String url = image.path("url").asText();
        assertThat(url).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()));
        BufferedImage radar = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(radar).isNotNull();
        assertThat(radar.getWidth()).isLessThanOrEqualTo(1024);
        assertThat(radar.getHeight()).isLessThanOrEqualTo(1024);
        assertThat(png.length).isLessThan(1024 * 1024);
        int withoutImage = report.toString().getBytes(StandardCharsets.UTF_8).length - url.length();
        assertThat(withoutImage).isLessThan(80 * 1024);

        // the reflections: a reply in that thread, the partner's markup shown literally
        String reportId = post.body().path("activity").path("id").asText("");
        List<JsonNode> thread = CONNECTOR.calls().stream().filter(FakeBotConnector.Call::isSend)
                .filter(c -> c.conversationId().startsWith(Activities.CHANNEL + ";messageid=post-"))
                .map(FakeBotConnector.Call::body).toList();
        assertThat(reportId).isEmpty(); // the id is Teams' to give; the thread is addressed by the id it returned
        assertThat(thread).singleElement().satisfies(reflections -> {
            assertThat(Cards.text(reflections)).contains("Denken we aan").contains("Een vaste plek in het rooster");
            assertThat(Cards.elements(reflections, "TextRun")).anySatisfy(
                    run -> assertThat(run.path("text").asText()).isEqualTo(HOSTILE));
            assertThat(Cards.elements(reflections, "TextBlock"))
                    .noneSatisfy(block -> assertThat(block.path("text").asText()).contains("Samen"));
            assertThat(reflections.path("entities").size()).isZero();
        });

        // the export goes to the programme manager's 1:1 chat as a file offer
        mention("export");
        List<JsonNode> toManager = CONNECTOR.sentTo(Activities.personalConversation(ADMIN));
        assertThat(toManager).isNotEmpty();
        assertThat(toManager.get(toManager.size() - 1).path("attachments")).anySatisfy(attachment -> {
            assertThat(attachment.path("contentType").asText()).isEqualTo(FileOffers.CONSENT_CARD);
            assertThat(attachment.path("name").asText()).endsWith(".xlsx");
        });
    }
}
