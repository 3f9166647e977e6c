package nl.borgingsbot.core.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.testing.TestBot;

/** The home page: a partner's open check-in with a Verder button; a manager's round progress, never answers. */
class HomePageTest {

    @TempDir
    Path dir;

    private TestBot test;

    @BeforeEach
    void start() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private String home(String user) {
        return TestBot.TEXT.render(test.bot().home(TestBot.user(user)));
    }

    @Test
    void beforeARoundThereIsNothingToDo() {
        test.regionWithPartners("U1");
        assertThat(home("U1")).contains("geen borgingscheck voor je open");
        assertThat(home(TestBot.ADMIN)).contains("Regio Noord: er is nu geen ronde open");
    }

    @Test
    void aPartnerSeesTheirCheckInAndAManagerWhoHasAnswered() {
        test.regionWithPartners("U1", "U2");
        test.command(TestBot.ADMIN, "ronde start 7-12-2026");
        assertThat(home("U1")).contains("Borgingscheck regio Noord — ronde 1").contains("7 december 2026")
                .contains("nog niet begonnen").contains("[Verder]");
        test.dm("U2", "start");
        test.dm("U2", "Een geheime reflectie");
        assertThat(home("U2")).contains("1 van de 10 vragen");
        test.answerAll("U1", 4, 4, 4, 4, 4, 4, 4);
        assertThat(home("U1")).contains("verstuurd").doesNotContain("[Verder]");
        String manager = home(TestBot.ADMIN);
        assertThat(manager).contains("Ronde 1 van regio Noord").contains("1 van de 2 partners")
                .doesNotContain("Een geheime reflectie");
    }

    @Test
    void afterARoundEveryoneSeesItsOutcome() {
        test.regionWithPartners("U1", "U2");
        test.command(TestBot.ADMIN, "ronde start");
        test.answerAll("U1", 2, 4, 4, 4, 4, 4, 1);
        test.command(TestBot.ADMIN, "ronde sluit");

        String expected = "Laatste resultaat van regio Noord, ronde 1: 1 van de 2 partners reageerde; laagst scorend: "
                + "Structureel communiceren (1,0), Cultuur van de organisatie (2,0)";
        assertThat(home("U1")).contains(expected);
        assertThat(home("U2")).contains(expected);
        assertThat(home(TestBot.ADMIN)).contains(expected).contains("er is nu geen ronde open");
    }
}
