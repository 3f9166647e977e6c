package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;

/**
 * A whole round in Slack's HTTP mode: real signed slash commands, DM events and button clicks
 * into the real endpoint; the bot's Web API calls land in the fake Slack over real HTTP; the
 * answers are stored in a real SQLite file.
 */
class SlackRoundEndToEndTest extends SlackBotTest {

    private void regionWithPartners(String... users) {
        assertThat(test.commandAndWait(ADMIN, "regio koppel Noord").visibleText()).contains("Noord");
        for (String user : users) {
            test.commandAndWait(ADMIN, "partner toevoegen <@" + user + "|" + user.toLowerCase() + "> Organisatie " + user);
        }
        assertThat(test.commandAndWait(ADMIN, "partners").visibleText()).contains("(" + users.length + ")");
    }

    @Test
    void aWholeRoundFromTheSlashCommandToTheReportInTheChannel() throws Exception {
        regionWithPartners("U1", "U2", "U3");
        FakeSlack.Call opened = test.commandAndWait(ADMIN, "ronde start 7-12-2026");
        assertThat(opened.visibleText()).contains("3 partners");
        assertThat(opened.param("response_type")).isEqualTo("ephemeral");
        for (String user : new String[] {"U1", "U2", "U3"}) {
            assertThat(slack.awaitPosts(FakeSlack.dmChannel(user), 1).get(0).visibleText())
                    .contains("3 reflectievragen en 7 stellingen").contains("Start");
        }

        // U1 clicks: Start, types the three reflections, clicks the seven scores, clicks Versturen
        FakeSlack.Call intro = test.lastDm("U1");
        assertThat(test.clickAndWait("U1", "Start").visibleText()).contains("Bij borging in de regio denk ik aan");
        // made read-only through the click's response_url, not chat.update
        FakeSlack.Call update = slack.replaced().get(0);
        assertThat(slack.calls("chat.update")).isEmpty();
        assertThat(update.visibleText()).contains("✔ Start").contains(intro.visibleText().lines().findFirst().orElseThrow());
        assertThat(update.blocks().toString()).doesNotContain("\"actions\"");

        test.dmAndWait("U1", "Een vaste plek in het rooster");
        test.dmAndWait("U1", "Samen lessen ontwikkelen");
        assertThat(test.dmAndWait("U1", "Wie co&amp;ördineert na 2027?").visibleText())
                .contains("STO is geïntegreerd binnen de (lijn)organisatie.").contains("1 · helemaal niet");
        for (int score : new int[] {4, 4, 4, 4, 4, 1}) {
            test.clickAndWait("U1", String.valueOf(score));
        }
        assertThat(test.clickAndWait("U1", "4").visibleText()).contains("Je antwoorden").contains("Versturen");
        assertThat(test.clickAndWait("U1", "Versturen").visibleText()).contains("verstuurd");

        // U2 types everything, in raw UTF-8, with a mention that must never take effect in the channel
        test.dmAndWait("U2", "start");
        test.dmAndWait("U2", "één plan voor de hele regio");
        test.dmAndWait("U2", "<!channel> kijk hier eens naar <https://example.org|klik>");
        test.dmAndWait("U2", "*vet* en _schuin_?");
        for (int score : new int[] {3, 5, 3, 4, 2, 1, 3}) {
            test.dmAndWait("U2", String.valueOf(score));
        }
        assertThat(test.dmAndWait("U2", "versturen").visibleText()).contains("verstuurd");

        // U3 does not answer; the manager closes the round
        test.commandAndWait(ADMIN, "ronde sluit");
        List<FakeSlack.Call> channel = slack.awaitPosts(SlackTestBot.CHANNEL, 1);
        FakeSlack.Call report = channel.get(0);
        assertThat(report.visibleText()).contains("Laagst scorende elementen")
                .contains("Inzicht in resultaten en effecten").contains("2 van de 3");
        String fileId = imageFileId(report);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(slack.upload(fileId).orElseThrow()));
        assertThat(png.getWidth()).isGreaterThan(500);
        // the report's chart is uploaded once (each partner's own result comes with its own image)
        assertThat(slack.calls("files.completeUploadExternal").stream()
                .filter(c -> c.param("files").contains("borging-ronde-"))).hasSize(1);

        FakeSlack.Call reflections = slack.awaitPosts(SlackTestBot.CHANNEL, 2).get(1);
        assertThat(reflections.param("thread_ts")).isEqualTo(test.tsOf(report));
        String posted = reflections.blocks().toString();
        assertThat(reflections.visibleText()).contains("één plan voor de hele regio").contains("Een vaste plek in het rooster")
                .contains("co&amp;ördineert").doesNotContain("&amp;amp;");
        assertThat(posted).doesNotContain("<!channel>").doesNotContain("<https://").contains("&lt;!channel&gt;")
                .doesNotContain("*vet*").doesNotContain("_schuin_");
        assertThat(reflections.param("text")).doesNotContain("<!channel>");
        assertThat(channel).hasSize(2);

        // the programme manager asks for the export: it arrives as a file in their DM
        assertThat(test.commandAndWait(ADMIN, "export").visibleText()).contains("staat in je privégesprek met mij");
        FakeSlack.Call shared = slack.await("the export shared in the DM",
                all -> all.stream().anyMatch(c -> c.method().equals("files.completeUploadExternal")
                        && FakeSlack.dmChannel(ADMIN).equals(c.param("channel_id")))).stream()
                .filter(c -> c.method().equals("files.completeUploadExternal")
                        && FakeSlack.dmChannel(ADMIN).equals(c.param("channel_id")))
                .findFirst().orElseThrow();
        String exportId = JsonParser.parseString(shared.param("files")).getAsJsonArray().get(0)
                .getAsJsonObject().get("id").getAsString();
        try (var workbook = new XSSFWorkbook(
                new ByteArrayInputStream(slack.upload(exportId).orElseThrow()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Radargrafiek");
        }
    }

    private static String imageFileId(FakeSlack.Call message) {
        for (JsonElement block : message.blocks()) {
            JsonObject b = block.getAsJsonObject();
            if (b.get("type").getAsString().equals("image")) {
                return b.getAsJsonObject("slack_file").get("id").getAsString();
            }
        }
        throw new AssertionError("no image block in " + message.blocks());
    }
}
