package nl.borgingsbot.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.testing.TestBot;


/**
 * The PDCA loop on a real SQLite file: the team records actions after a round, the owner is asked
 * about them at the start of the next check-in, and the report shows them per element.
 */
class ActionsEndToEndTest {

    @TempDir
    Path dir;

    private TestBot test;

    @BeforeEach
    void start() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        test.command(TestBot.ADMIN, "regio koppel Noord");
        test.command(TestBot.ADMIN, "partner toevoegen @{U1|Anna de Vries} Vmbo Noord");
        test.command(TestBot.ADMIN, "partner toevoegen @{U2|U2} ROC Noord");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private String inChannel(String user, String line) {
        return test.command(user, line);
    }

    private String dm(String user, String text) {
        return test.dm(user, text);
    }

    @Test
    void actionsAreRecordedFollowedUpAtTheNextRoundAndShownInTheReport() {
        String recorded = inChannel("U2", "actie structuur Uren voor STO in de normjaartaak @{U1|Anna de Vries} 31 maart 2027");
        assertThat(recorded).contains("Actie 1 is vastgelegd")
                .contains("Actie 1 · Structuur en systemen · open · eigenaar @U1 · uiterlijk 31 maart 2027")
                .contains("> Uren voor STO in de normjaartaak");
        assertThat(inChannel("UADMIN", "actie 6 Een monitor *opzetten* <!channel>")).contains("Actie 2 is vastgelegd")
                .contains("\\*opzetten\\* \\<\\!channel\\>");
        assertThat(inChannel("U1", "acties")).contains("Actie 1").contains("Actie 2 · Inzicht in resultaten en effecten");

        test.clock().set(Instant.parse("2026-12-01T09:00:00Z"));
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

        String report = TestBot.TEXT.render(test.slack().posts().get(0).message());
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
        assertThat(inChannel("U1", "actie 5 Iets doen @{U9}")).contains("@U9 is geen partner of programmamanager");
        assertThat(inChannel("U1", "actie 12 klaar")).contains("Regio Noord heeft geen actie 12");
        assertThat(inChannel("U9", "actie 5 Iets doen")).contains("Dat kunnen alleen de partners en de programmamanager");
        assertThat(inChannel("U1", "actie")).contains("Gebruik: 'actie <element> <tekst>");
        assertThat(inChannel("U1", "acties")).contains("nog geen verbeteracties");
    }
}
