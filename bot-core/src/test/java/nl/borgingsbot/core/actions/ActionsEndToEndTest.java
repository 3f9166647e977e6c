package nl.borgingsbot.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.TextRenderer;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.core.testing.MutableClock;
import nl.borgingsbot.core.testing.RecordingGateway;

/**
 * The PDCA loop on a real SQLite file: the team records actions after a round, the owner is asked
 * about them at the start of the next check-in, and the report shows them per element.
 */
class ActionsEndToEndTest {

    private static final ChatChannel CHANNEL = new ChatChannel(Platform.SLACK, "T1", "C1");
    private static final TextRenderer TEXT = new TextRenderer(image -> "[image]");

    @TempDir
    Path dir;

    private final RecordingGateway slack = new RecordingGateway(Platform.SLACK);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Database database;
    private Borgingsbot bot;

    @BeforeEach
    void start() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"), "", "");
        bot = new Borgingsbot(database.repositories(), Fixtures.catalog(), new Gateways(List.of(slack)),
                Administrators.parse("slack:UADMIN"), clock);
        inChannel("UADMIN", "regio koppel Noord");
        inChannel("UADMIN", "partner toevoegen <@U1|Anna de Vries> Vmbo Noord");
        inChannel("UADMIN", "partner toevoegen <@U2|U2> ROC Noord");
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private String inChannel(String user, String line) {
        return String.join("\n", bot.handle(new InboundEvent.Command(new ChatUser(Platform.SLACK, "T1", user),
                Optional.of(CHANNEL), line)).stream().map(TEXT::render).toList());
    }

    private String dm(String user, String text) {
        return String.join("\n", bot.handle(new InboundEvent.TextReply(new ChatUser(Platform.SLACK, "T1", user),
                Optional.empty(), text)).stream().map(TEXT::render).toList());
    }

    @Test
    void actionsAreRecordedFollowedUpAtTheNextRoundAndShownInTheReport() {
        String recorded = inChannel("U2", "actie structuur Uren voor STO in de normjaartaak <@U1|Anna de Vries> 31 maart 2027");
        assertThat(recorded).contains("Actie 1 is vastgelegd")
                .contains("Actie 1 · Structuur en systemen · open · eigenaar @U1 · uiterlijk 31 maart 2027")
                .contains("> Uren voor STO in de normjaartaak");
        assertThat(inChannel("UADMIN", "actie 6 Een monitor *opzetten* <!channel>")).contains("Actie 2 is vastgelegd")
                .contains("\\*opzetten\\* \\<\\!channel\\>");
        assertThat(inChannel("U1", "acties")).contains("Actie 1").contains("Actie 2 · Inzicht in resultaten en effecten");

        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        inChannel("UADMIN", "ronde start");
        String first = dm("U1", "start");
        assertThat(first).contains("hoe staat het met je verbeteractie? (1 van 1)")
                .contains("Uren voor STO in de normjaartaak").contains("[klaar] [bezig] [gestopt]");
        assertThat(dm("U1", "bezig omdat de uren pas in maart rond zijn")).contains("Reflectie 1 van 3");
        assertThat(dm("U2", "start")).contains("Reflectie 1 van 3"); // U2 owns no action

        for (String line : List.of("a", "b", "c", "3", "3", "3", "3", "3", "3", "3", "versturen")) {
            dm("U1", line);
        }
        inChannel("UADMIN", "ronde sluit");

        String report = TEXT.render(slack.posts().get(0).message());
        assertThat(report).contains("## Verbeteracties")
                .contains("Actie 1 · Structuur en systemen · bezig")
                .contains("Hoe het gaat:\n\n> omdat de uren pas in maart rond zijn")
                .contains("Actie 2 · Inzicht in resultaten en effecten · open");
        assertThat(inChannel("U2", "actie 2 klaar")).contains("Actie 2 staat nu op: klaar");
    }

    @Test
    void badActionInputIsExplainedAndNothingIsRecorded() {
        assertThat(inChannel("U1", "actie toverkunst Iets doen")).contains("Het element 'toverkunst' ken ik niet")
                .contains("1 Cultuur van de organisatie");
        assertThat(inChannel("U1", "actie str Iets doen")).contains("ken ik niet (of het past op meer dan één)");
        assertThat(inChannel("U1", "actie 5 Iets doen 1-1-2020")).contains("geen datum na vandaag");
        assertThat(inChannel("U1", "actie 5 Iets doen <@U9>")).contains("@U9 is geen partner of programmamanager");
        assertThat(inChannel("U1", "actie 12 klaar")).contains("Regio Noord heeft geen actie 12");
        assertThat(inChannel("U9", "actie 5 Iets doen")).contains("Dat kunnen alleen de partners en de programmamanager");
        assertThat(inChannel("U1", "actie")).contains("Gebruik: 'actie <element> <tekst>");
        assertThat(inChannel("U1", "acties")).contains("nog geen verbeteracties");
    }
}
