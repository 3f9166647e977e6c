package nl.borgingsbot.core.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.schedule.ScheduleRunner;
import nl.borgingsbot.core.testing.TestBot;

/** Partners who are away get no DM and no reminder, are counted apart, and get the check-in when back. */
class AbsenceTest {

    @TempDir
    Path dir;

    private TestBot test;

    @BeforeEach
    void start() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        test.regionWithPartners("U1", "U2", "U3", "U4");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private long directsTo(String user, String containing) {
        return test.slack().directsTo(user).stream()
                .filter(d -> TestBot.TEXT.render(d.message()).contains(containing)).count();
    }

    @Test
    void awayPartnersAreLeftOutUntilTheyAreBack() {
        assertThat(test.dm("U2", "afwezig tot 31 december 2026")).contains("afwezig tot en met donderdag 31 december 2026");
        assertThat(test.command(TestBot.ADMIN, "afwezig @{U3} tot 10-12-2026")).contains("@U3 is afwezig tot en met");
        assertThat(test.command(TestBot.ADMIN, "afwezig @{U4} tot 30-11-2026")).contains("@U4 is afwezig");

        assertThat(test.command(TestBot.ADMIN, "ronde start 20-12-2026"))
                .contains("1 partner krijgt nu een uitnodiging").contains("3 partners zijn afwezig");
        assertThat(directsTo(TestBot.ADMIN, "1 partner heeft een privébericht gekregen")).isEqualTo(1);
        assertThat(directsTo("U2", "Borgingscheck")).isZero();
        String status = test.command(TestBot.ADMIN, "ronde status");
        assertThat(status).contains("0 van 1 partner hebben").contains("3 partners zijn afwezig")
                .contains("Organisatie U2 (U2) — afwezig tot 31 december");

        // U3 is back early: typing anything says how to come back; "aanwezig" brings the check-in at once
        assertThat(test.dm("U3", "hallo")).contains("Je bent afgemeld tot en met donderdag 10 december 2026");
        assertThat(test.dm("U3", "aanwezig")).contains("De lopende check-in staat voor je klaar");
        assertThat(directsTo("U3", "Borgingscheck")).isEqualTo(1);
        // U4's absence simply ends: the next tick of the scheduler brings the check-in
        ScheduleRunner runner = test.scheduleRunner(ScheduleRunner.DEFAULT_RETENTION_ROUNDS);
        test.clock().set(Instant.parse("2026-12-01T08:00:00Z"));
        runner.tick();
        assertThat(directsTo("U4", "Borgingscheck")).isEqualTo(1);
        runner.tick();
        assertThat(directsTo("U4", "Borgingscheck")).isEqualTo(1);

        test.command(TestBot.ADMIN, "herinner");
        assertThat(directsTo("U2", "Herinnering")).isZero();
        assertThat(directsTo("U1", "Herinnering")).isEqualTo(1);

        test.answerAll("U1", 3, 3, 3, 3, 3, 3, 3);
        test.answerAll("U3", 4, 4, 4, 4, 4, 4, 4);
        test.clock().advance(Duration.ofDays(2));
        test.command(TestBot.ADMIN, "ronde sluit");
        String report = TestBot.TEXT.render(test.slack().posts().get(0).message());
        assertThat(report).contains("2 van de 3 partners hebben gereageerd (67%)")
                .contains("1 partner was afwezig en telt niet mee");
    }

    @Test
    void badAbsenceInputChangesNothing() {
        assertThat(test.dm("U1", "afwezig tot 1-1-2020")).contains("geen datum vanaf vandaag");
        assertThat(test.dm("U1", "afwezig tot 1-1-2030")).contains("tot hooguit een jaar vooruit");
        assertThat(test.dm("U1", "afwezig tot morgen")).contains("geen datum");
        assertThat(test.dm("U1", "afwezig")).contains("Gebruik: 'afwezig tot <datum>'");
        assertThat(test.command("U1", "afwezig @{U2} tot 10-12-2026")).contains("Alleen de programmamanager");
        assertThat(test.command(TestBot.ADMIN, "afwezig @{U9} tot 10-12-2026")).contains("@U9 is geen partner van regio Noord");
        assertThat(test.dm("U9", "afwezig tot 10-12-2026")).contains("Je bent geen partner");

        test.command(TestBot.ADMIN, "ronde start");
        assertThat(directsTo("U1", "Borgingscheck")).isEqualTo(1);
    }
}
