package nl.borgingsbot.core.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.CoreAssembly;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.command.CoreCommands;
import nl.borgingsbot.core.report.RadarChart;
import nl.borgingsbot.core.report.RadarStyle;
import nl.borgingsbot.core.testing.RecordingGateway;
import nl.borgingsbot.core.testing.TestBot;

/** Each partner's own line after the close, on a real bot, SQLite file and recording gateway. */
class PersonalResultsTest {

    private static final String TITLE = "Jij en de regio";

    @TempDir
    Path dir;

    private TestBot test;

    @BeforeEach
    void aRegion() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        test.regionWithPartners("U1", "U2", "U3", "U4");
    }

    @AfterEach
    void close() {
        test.close();
    }

    /** U1 differs from the others on Cultuur (5 against 3) and Structuur en systemen (1 against 3); U4 does not answer. */
    private void aRoundAnsweredAndClosed() {
        test.command(TestBot.ADMIN, "ronde start");
        test.answerAll("U1", 5, 4, 3, 4, 1, 2, 3);
        test.answerAll("U2", 3, 4, 3, 4, 2, 2, 3);
        test.answerAll("U3", 3, 4, 3, 4, 4, 2, 3);
        test.command(TestBot.ADMIN, "ronde sluit");
    }

    private List<Message> personal(String userId) {
        return test.slack().directsTo(userId).stream().map(RecordingGateway.Direct::message)
                .filter(m -> TestBot.TEXT.render(m).contains(TITLE)).toList();
    }

    @Test
    void afterTheCloseEachPartnerWhoAnsweredGetsTheirOwnLineBesideTheMeanAndTheirLargestDifferences() throws Exception {
        aRoundAnsweredAndClosed();

        assertThat(personal("U1")).hasSize(1);
        assertThat(personal("U2")).hasSize(1);
        assertThat(personal("U3")).hasSize(1);
        assertThat(personal("U4")).as("did not answer").isEmpty();
        Message mine = personal("U1").get(0);
        String text = TestBot.TEXT.render(mine);
        assertThat(text).contains("Jij en de regio: ronde 1 van regio Noord")
                .contains("- Cultuur van de organisatie: jij gaf 5, de anderen gemiddeld 3,0.\n"
                        + "- Structuur en systemen: jij gaf 1, de anderen gemiddeld 3,0.")
                .doesNotContain("Sterk en uniek aanbod: jij gaf")
                .contains("Praat mee in het regiokanaal")
                .contains("mijn resultaat uit")
                .doesNotContain("Organisatie U2", "Organisatie U3");
        Part.Image image = mine.image().orElseThrow();
        assertThat(image.altText()).contains("Cultuur van de organisatie: jij 5, regio 3,7");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "personal-result.png"), image.png());
        assertThat(png.getWidth()).isEqualTo(PersonalResultMessages.CHART_SIZE);
        assertThat(count(png, RadarStyle.of(0).colour().getRGB())).as("own line").isGreaterThan(100);
        assertThat(count(png, RadarChart.MEAN.getRGB())).as("the mean").isGreaterThan(200);
        assertThat(count(png, RadarStyle.of(1).colour().getRGB())).as("nobody else's line").isZero();
    }

    @Test
    void inAnAnonymousRegionOnlyThePartnerSeesWhichLineIsTheirs() {
        test.command(TestBot.ADMIN, "regio anoniem aan");
        aRoundAnsweredAndClosed();

        String channel = String.join("\n", test.slack().posts().stream().map(p -> TestBot.TEXT.render(p.message())).toList())
                + String.join("\n", test.slack().replies().stream().map(r -> TestBot.TEXT.render(r.message())).toList());
        assertThat(channel).contains("resultaat ronde 1").doesNotContain("Organisatie U", TITLE);
        for (String user : List.of("U1", "U2", "U3")) {
            assertThat(personal(user)).as(user).hasSize(1);
            assertThat(TestBot.TEXT.render(personal(user).get(0))).contains("Deze ronde is anoniem")
                    .doesNotContain("Organisatie U");
        }
        assertThat(test.slack().directs().stream().filter(d -> TestBot.TEXT.render(d.message()).contains(TITLE))
                .map(d -> d.user().userId()).toList()).containsExactlyInAnyOrder("U1", "U2", "U3");
    }

    @Test
    void mijnResultaatUitSwitchesItOffMijnResultaatShowsItAgainAndAanSwitchesItOn() {
        assertThat(test.dm("U1", "mijn resultaat uit")).contains("geen eigen resultaat meer");
        aRoundAnsweredAndClosed();
        assertThat(personal("U1")).as("switched off").isEmpty();
        assertThat(personal("U2")).hasSize(1);

        assertThat(test.dm("U1", "mijn resultaat")).contains("staat in je privégesprek met mij");
        assertThat(personal("U1")).hasSize(1);
        assertThat(test.dm("U4", "mijn resultaat")).contains("geen antwoorden verstuurd");
        assertThat(test.command("U1", "mijn resultaat aan")).contains("weer je eigen resultaat");
        assertThat(test.dm("UNKNOWN", "mijn resultaat")).contains("alleen voor partners");
        assertThat(test.database().repositories().personalResults().wanted(
                test.database().repositories().regions().partnershipsOf(TestBot.user("U1")).get(0).id())).isTrue();
    }

    @Test
    void theCommandIsParsedInDutchAndEnglish() {
        assertThat(CoreAssembly.PARSER.parse("mijn resultaat")).contains(new PersonalResultCommands.MyResult(Optional.empty()));
        assertThat(CoreAssembly.PARSER.parse("mijn resultaat uit")).contains(new PersonalResultCommands.MyResult(Optional.of(false)));
        assertThat(CoreAssembly.PARSER.parse("My result ON")).contains(new PersonalResultCommands.MyResult(Optional.of(true)));
        assertThat(CoreAssembly.PARSER.parse("mijn resultaat morgen")).contains(new CoreCommands.Misused("usage.myResult"));
    }

    private static int count(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
