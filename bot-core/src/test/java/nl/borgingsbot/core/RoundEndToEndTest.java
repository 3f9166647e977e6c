package nl.borgingsbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.TextRenderer;
import nl.borgingsbot.core.testing.RecordingGateway;
import nl.borgingsbot.core.testing.TestBot;

/**
 * A whole round through the one inbound entry point, on a real SQLite file, with the recording
 * gateway standing in for the chat platform: link, partners, open, answer (typed and clicked,
 * with bad input), restart mid-conversation, status, remind, close, report.
 */
class RoundEndToEndTest {

    private static final String ADMIN = TestBot.ADMIN;
    private static final TextRenderer TEXT = TestBot.TEXT;

    @TempDir
    Path dir;

    private TestBot test;
    private RecordingGateway slack;

    @BeforeEach
    void start() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        slack = test.slack();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private String command(String userId, String line) {
        return test.command(userId, line);
    }

    private String dm(String userId, String text) {
        return test.dm(userId, text);
    }

    private String click(String userId, List<Message> from, String label) {
        Part.Choice choice = from.stream().flatMap(m -> m.parts().stream())
                .flatMap(p -> p instanceof Part.ChoiceQuestion q ? q.choices().stream()
                        : p instanceof Part.Actions a ? a.buttons().stream() : java.util.stream.Stream.empty())
                .filter(c -> c.label().startsWith(label)).findFirst().orElseThrow();
        return TestBot.render(test.bot().handle(new InboundEvent.ChoiceMade(TestBot.user(userId), Optional.empty(),
                choice.actionId(), choice.value(), Optional.empty())));
    }

    private void linkRegionWithPartners(String... ids) {
        test.regionWithPartners(ids);
        assertThat(command(ADMIN, "partners")).contains("Partners van regio Noord (" + ids.length + ")");
    }

    private void answerAll(String id, int... scores) {
        test.answerAll(id, scores);
        assertThat(dm(id, "verder")).contains("verstuurd");
    }

    @Test
    void aWholeRoundFromLinkingTheChannelToTheReport() throws Exception {
        linkRegionWithPartners("U1", "U2", "U3", "U4");

        String opened = command(ADMIN, "ronde start 7-12-2026");
        assertThat(opened).contains("Ronde 1 van regio Noord is geopend: 4 partners").contains("7 december 2026");
        assertThat(slack.directs()).filteredOn(d -> !d.user().userId().equals(ADMIN)).hasSize(4);
        // once every invitation was delivered, the manager hears how it went
        assertThat(slack.directsTo(ADMIN)).singleElement().satisfies(d -> assertThat(TEXT.render(d.message()))
                .contains("Ronde 1 van regio Noord is geopend: 4 partners hebben een privébericht gekregen"));
        Message intro = slack.directsTo("U1").get(0).message();
        assertThat(TEXT.render(intro)).contains("3 reflectievragen en 7 stellingen").contains("[Start]");

        // U1 clicks Start and the score buttons, with a toelichting typed once
        String first = click("U1", List.of(intro), "Start");
        assertThat(first).contains("Bij borging in de regio denk ik aan");
        dm("U1", "Een vaste plek in het rooster");
        dm("U1", "Samen lessen ontwikkelen");
        String statement = dm("U1", "Wie coördineert na 2027?");
        assertThat(statement).contains("STO is geïntegreerd binnen de (lijn)organisatie.").contains("[1 · helemaal niet]");
        for (int i = 0; i < 5; i++) {
            click("U1", current("U1"), "4");
        }
        click("U1", current("U1"), "1");
        String summary = dm("U1", "2 omdat we geen monitoring hebben");
        assertThat(summary).contains("Je antwoorden").contains("omdat we geen monitoring hebben").contains("[Versturen]");
        assertThat(dm("U1", "versturen")).contains("verstuurd");

        // U2 makes every mistake once; nothing wrong is stored, nothing given is lost
        dm("U2", "start");
        assertThat(dm("U2", "")).contains("geen antwoord ontvangen");
        dm("U2", "Denken U2");
        dm("U2", "Zien U2");
        dm("U2", "Vragen U2");
        assertThat(dm("U2", "6")).contains("cijfer van 1 tot en met 5").contains("Stelling 1 van 7");
        assertThat(dm("U2", "vier")).contains("Antwoord met een cijfer").contains("Stelling 1 van 7");
        assertThat(dm("U2", "4 " + "x".repeat(50_000))).contains("te lang").contains("Stelling 1 van 7");
        assertThat(dm("U2", "3 \u0001")).contains("stuurtekens");
        for (int score : new int[] {3, 5, 3, 4, 1, 2, 3}) {
            dm("U2", String.valueOf(score));
        }
        assertThat(dm("U2", "wijzig 2")).contains("Stelling 2 van 7");
        assertThat(dm("U2", "4 toch iets lager")).contains("Je antwoorden").contains("toch iets lager");
        dm("U2", "versturen");

        answerAll("U3", 3, 4, 3, 5, 4, 2, 3);

        // U4 stops halfway; the bot restarts; U4 continues where they were
        dm("U4", "start");
        dm("U4", "Denken U4");
        test.restart();
        assertThat(dm("U4", "Zien U4")).contains("Reflectie 3 van 3");

        String status = command(ADMIN, "ronde status");
        assertThat(status).contains("3 van de 4 partners").contains("Organisatie U4 (U4) — bezig, 2 van 10")
                .doesNotContain("Denken").doesNotContain("monitoring");

        int before = slack.directs().size();
        assertThat(command(ADMIN, "herinner")).contains("Herinnering verstuurd aan 1 partner die nog niet klaar is");
        assertThat(slack.directs().subList(before, slack.directs().size()))
                .extracting(d -> d.user().userId()).containsExactly("U4");

        // only a programme manager may close, and is told who can
        assertThat(command("U1", "ronde sluit")).contains("Dat kan alleen de programmamanager van regio Noord: @UADMIN");

        assertThat(command(ADMIN, "ronde sluit")).contains("Ronde 1 van regio Noord is gesloten");
        assertThat(slack.posts()).hasSize(1);
        Message report = slack.posts().get(0).message();
        String reportText = TEXT.render(report);
        assertThat(reportText)
                .contains("3 van de 4 partners hebben gereageerd (75%)")
                .contains("Laagst scorende elementen")
                .contains("Inzicht in resultaten en effecten — gemiddeld 1,7")
                .contains("Welke vertaalslag moet gemaakt worden om de lage cijfers omhoog te krijgen?")
                .contains("Structuur en systemen — scores van 1 tot 4 (verschil 3)")
                .contains("Dit is de eerste ronde");
        BufferedImage radar = ImageIO.read(new ByteArrayInputStream(report.image().orElseThrow().png()));
        assertThat(radar.getWidth()).isLessThanOrEqualTo(1024);

        String reflections = TEXT.render(slack.replies().get(0).message());
        assertThat(reflections).contains("Denken we aan").contains("Zien en ervaren we").contains("Vragen we ons af")
                .contains("Een vaste plek in het rooster").contains("Organisatie U1").doesNotContain("Denken U4");

        // after the close: a polite "closed", and nothing is posted twice
        assertThat(dm("U4", "Vragen U4")).contains("is gesloten");
        assertThat(command(ADMIN, "ronde sluit")).contains("Er loopt geen ronde");
        assertThat(slack.posts()).hasSize(1);
    }

    @Test
    void theNextRoundShowsTheChangeSinceTheLastOneAndTheTrendBothRounds() throws Exception {
        linkRegionWithPartners("U1", "U2");
        command(ADMIN, "ronde start");
        answerAll("U1", 2, 2, 2, 2, 2, 2, 2);
        answerAll("U2", 2, 2, 2, 2, 2, 2, 2);
        command(ADMIN, "ronde sluit");

        command(ADMIN, "ronde start");
        answerAll("U1", 4, 2, 1, 2, 2, 2, 2);
        answerAll("U2", 4, 2, 1, 2, 2, 2, 2);
        command(ADMIN, "ronde sluit");

        String second = TEXT.render(slack.posts().get(1).message());
        assertThat(second).contains("Cultuur van de organisatie: 2,0 → 4,0 (↑ 2,0)")
                .contains("Structurele betrokkenheid: 2,0 → 1,0 (↓ 1,0)")
                .contains("Sterk en uniek aanbod: 2,0 → 2,0 (= 0,0)");

        assertThat(command("U1", "trend")).contains("Het verloop van regio Noord staat in het regiokanaal");
        Message trend = slack.posts().get(2).message();
        assertThat(TEXT.render(trend)).contains("laatste 2 rondes");
        assertThat(ImageIO.read(new ByteArrayInputStream(trend.image().orElseThrow().png())).getHeight()).isEqualTo(768);
    }

    @Test
    void whenTheBotIsNotInTheChannelTheManagerIsToldAndTheReportCanBePostedAgain() {
        linkRegionWithPartners("U1");
        command(ADMIN, "ronde start");
        answerAll("U1", 3, 3, 3, 3, 3, 3, 3);
        slack.removeFromChannel("C1");

        assertThat(command(ADMIN, "ronde sluit")).contains("kon niet in het kanaal worden geplaatst");
        assertThat(slack.directsTo("UADMIN")).extracting(d -> TEXT.render(d.message()))
                .anySatisfy(text -> assertThat(text).contains("Ik ben geen lid van het kanaal").contains("ronde rapport"));
        assertThat(slack.posts()).isEmpty();

        slack.rejoinChannel("C1");
        assertThat(command(ADMIN, "ronde rapport")).contains("staat in het regiokanaal");
        assertThat(slack.posts()).hasSize(1);
    }

    @Test
    void onlyAdministratorsLinkChannelsAndOnlyManagersRunRounds() {
        assertThat(command("U9", "regio koppel Zuid")).contains("Alleen beheerders");
        linkRegionWithPartners("U1");
        assertThat(command(ADMIN, "regio koppel Nogmaals")).contains("al gekoppeld aan regio Noord");
        assertThat(command(ADMIN, "partner toevoegen @{U5} <!channel> bv")).contains("Gebruik: 'partner toevoegen");
        assertThat(command(ADMIN, "partner toevoegen @{U5} " + "x".repeat(121))).contains("hooguit 120 tekens");
        assertThat(command("U1", "ronde start")).contains("Dat kan alleen de programmamanager");
        assertThat(command("U1", "partners")).contains("Organisatie U1");
        assertThat(command("U9", "partners")).contains("Dat kunnen alleen de partners en de programmamanager");
        assertThat(command(ADMIN, "ronde start 1-1-2020")).contains("in het verleden");
        assertThat(command(ADMIN, "ronde start gisteren")).contains("herken ik niet als datum");
        assertThat(command(ADMIN, "ronde status")).contains("Er loopt geen ronde");
    }

    @Test
    void aPartnerWhoCannotBeReachedIsNamedToTheManager() {
        slack.makeUnreachable("U2");
        linkRegionWithPartners("U1", "U2");

        String opened = command(ADMIN, "ronde start");

        // the command answers at once; the manager hears the outcome once every invitation is done
        assertThat(opened).contains("2 partners krijgen nu een uitnodiging");
        assertThat(slack.directsTo(ADMIN)).extracting(d -> TEXT.render(d.message()))
                .anySatisfy(text -> assertThat(text).contains("1 partner heeft een privébericht gekregen")
                        .contains("Deze partners kon ik geen privébericht sturen: Organisatie U2 (U2)"));
    }

    @Test
    void aButtonCannotAnswerSomeoneElsesCheckInOrCarryAMadeUpValue() {
        linkRegionWithPartners("U1", "U2");
        command(ADMIN, "ronde start");
        Message intro = slack.directsTo("U1").get(0).message();
        Part.Choice start = ((Part.Actions) intro.parts().get(intro.parts().size() - 1)).buttons().get(0);

        String stolen = choose("U2", start.actionId(), start.value());
        String forged = choose("U1", "checkin.score", start.value() + ":cultuur:9:9");
        String nonsense = choose("U1", "checkin.score", "abc");

        assertThat(stolen).contains("Die knop hoort niet");
        assertThat(forged).contains("Die knop hoort niet");
        assertThat(nonsense).contains("Die knop hoort niet");
        assertThat(dm("U1", "start")).contains("Reflectie 1 van 3");
    }

    @Test
    void englishIsARegionSetting() {
        linkRegionWithPartners("U1");
        assertThat(command(ADMIN, "region language en")).contains("English");
        command(ADMIN, "round start");
        assertThat(TEXT.render(slack.directsTo("U1").get(0).message())).contains("reflection prompts").contains("[Start]");
        assertThat(dm("U1", "start")).contains("Reflection 1 of 3");
    }

    private String choose(String userId, String actionId, String value) {
        return TestBot.render(test.bot().handle(new InboundEvent.ChoiceMade(TestBot.user(userId), Optional.empty(),
                actionId, value, Optional.empty())));
    }

    /** What the partner sees now (typing "verder" shows the current question again, with its buttons). */
    private List<Message> current(String userId) {
        return test.bot().handle(new InboundEvent.TextReply(TestBot.user(userId), Optional.empty(), "verder"));
    }
}
