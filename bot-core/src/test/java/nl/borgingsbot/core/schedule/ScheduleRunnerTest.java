package nl.borgingsbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.TextRenderer;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundState;
import nl.borgingsbot.core.testing.MutableClock;
import nl.borgingsbot.core.testing.RecordingGateway;
import nl.borgingsbot.core.testing.TestBot;

/**
 * Rounds that run themselves, on a real SQLite file with a clock the test moves: the default
 * quarterly round opens, reminds and closes by itself; what was missed while the bot was down
 * happens once when it comes back; planning changes apply at the next tick; bad planning input
 * changes nothing.
 */
class ScheduleRunnerTest {

    private static final TextRenderer TEXT = TestBot.TEXT;
    /** The first Monday of January 2027, 09:00 in Amsterdam (CET). */
    private static final Instant JANUARY = Instant.parse("2027-01-04T08:00:00Z");

    @TempDir
    Path dir;

    private TestBot test;
    private RecordingGateway slack;
    private MutableClock clock;
    private ScheduleRunner runner;

    @BeforeEach
    void start() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        slack = test.slack();
        clock = test.clock();
        test.regionWithPartners("U1", "U2");
        restart();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    /** A fresh bot and scheduler on the same file, as after a restart. */
    private void restart() {
        test.restart();
        runner = test.scheduleRunner(ScheduleRunner.DEFAULT_RETENTION_ROUNDS);
    }

    private String command(String line) {
        return test.command(TestBot.ADMIN, line);
    }

    private void answerAll(String user) {
        test.answerAll(user, 3, 3, 3, 3, 3, 3, 3);
    }

    private List<Round> rounds() {
        return test.database().repositories().rounds().ofRegion(1);
    }

    private long remindersTo(String user) {
        return slack.directsTo(user).stream().map(d -> TEXT.render(d.message())).filter(t -> t.contains("Herinnering")).count();
    }

    @Test
    void aLinkedRegionIsPlannedQuarterlyByDefaultAndShowsItsNextDates() {
        String planning = command("planning");

        assertThat(planning).contains("de eerste maandag van januari, april, juli en oktober om 09:00")
                .contains("maandag 4 januari 2027 om 09:00 tot en met maandag 18 januari 2027 om 23:59")
                .contains("maandag 5 april 2027 om 09:00") // 07:00 UTC: summer time, still 09:00 in Amsterdam
                .contains("herinnering 7 en 2 dagen voor de deadline");
    }

    @Test
    void aRoundOpensRemindsAndClosesByItselfEachOnceAlsoAfterMissingItAllWhileDown() {
        assertThat(runner.tick()).isEqualTo(new ScheduleRunner.Tick(0, 0, 0, 0));

        // down over the opening moment; back three hours later: the round opens once
        clock.set(JANUARY.plus(Duration.ofHours(3)));
        restart();
        assertThat(runner.tick().opened()).isEqualTo(1);
        assertThat(runner.tick().opened()).isZero();
        assertThat(rounds()).hasSize(1);
        Round round = rounds().get(0);
        assertThat(round.deadline()).isEqualTo(Instant.parse("2027-01-18T22:59:00Z"));
        assertThat(slack.directsTo("U1")).hasSize(1);
        assertThat(slack.directsTo("U2")).hasSize(1);

        answerAll("U1");

        // down over both reminder moments (7 and 2 days before): one reminder, the later one, only to U2,
        // on the morning of the deadline (Monday 10:00) rather than when the bot came back on Sunday night
        clock.set(round.deadline().minus(Duration.ofDays(1)));
        restart();
        assertThat(runner.tick().reminded()).isZero();
        clock.set(round.deadline().minus(Duration.ofHours(14)));
        restart();
        assertThat(runner.tick().reminded()).isEqualTo(1);
        assertThat(runner.tick().reminded()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(runner.tick().reminded()).isZero();
        assertThat(remindersTo("U2")).isEqualTo(1);
        assertThat(remindersTo("U1")).isZero();

        // down over the deadline: closed and reported once
        clock.set(round.deadline().plus(Duration.ofDays(2)));
        restart();
        assertThat(runner.tick().closed()).isEqualTo(1);
        assertThat(runner.tick().closed()).isZero();
        assertThat(rounds().get(0).state()).isEqualTo(RoundState.REPORTED);
        assertThat(slack.posts()).hasSize(1);
        assertThat(TEXT.render(slack.posts().get(0).message())).contains("1 van de 2 partners heeft gereageerd");

        // a moment whose whole window was missed opens no round late
        clock.set(Instant.parse("2027-04-25T10:00:00Z"));
        assertThat(runner.tick().opened()).isZero();
    }

    @Test
    void eachReminderMomentGoesOutOnceAndNeverTwiceOnOneDay() {
        clock.set(JANUARY.plus(Duration.ofMinutes(1)));
        runner.tick();
        Round round = rounds().get(0);

        clock.set(Instant.parse("2027-01-11T08:01:00Z")); // Monday 09:01, a week before the deadline
        runner.tick();
        runner.tick();
        assertThat(remindersTo("U1")).isEqualTo(1);
        assertThat(command("herinner")).contains("vandaag al een herinnering");
        assertThat(remindersTo("U1")).isEqualTo(1);

        clock.set(Instant.parse("2027-01-15T08:01:00Z")); // Friday 09:01: two days before is a Saturday
        runner.tick();
        assertThat(remindersTo("U1")).isEqualTo(2);
        assertThat(remindersTo("U2")).isEqualTo(2);
    }

    @Test
    void aRoundClosesEarlyWhenEveryoneHasSubmittedIfTheRegionWantsThat() {
        assertThat(command("planning vroeg aan")).contains("Opgeslagen").contains("sluit al eerder");
        clock.set(JANUARY.plus(Duration.ofMinutes(5)));
        runner.tick();
        answerAll("U1");
        assertThat(runner.tick().closed()).isZero();
        answerAll("U2");

        assertThat(runner.tick().closed()).isEqualTo(1);
        assertThat(TEXT.render(slack.posts().get(0).message())).contains("2 van de 2 partners");
    }

    @Test
    void aChangedPlanningAppliesAtTheNextTickWithoutARestart() {
        assertThat(command("planning cron 0 0 10 ? * MON Europe/Amsterdam")).contains("Opgeslagen")
                .contains("maandag 30 november 2026 om 10:00");
        clock.set(Instant.parse("2026-11-30T09:01:00Z"));

        assertThat(runner.tick().opened()).isEqualTo(1);
        assertThat(rounds().get(0).deadline()).isEqualTo(Instant.parse("2026-12-14T22:59:00Z"));

        assertThat(command("planning uit")).contains("geen vaste planning");
        clock.set(Instant.parse("2026-12-21T09:01:00Z"));
        runner.tick();
        assertThat(rounds()).hasSize(1);
    }

    @Test
    void badPlanningInputIsExplainedAndChangesNothing() {
        String before = command("planning");

        assertThat(command("planning cron elke maandag")).contains("geen geldige cron");
        assertThat(command("planning cron 0 0 9 * * ?")).contains("vaker dan eens per 7 dagen");
        assertThat(command("planning cron 0 0 0 30 2 ?")).contains("nooit een ronde");
        assertThat(command("planning cron 0 0 9 ? * MON Mars/Olympus")).contains("tijdzone 'Mars/Olympus' ken ik niet");
        assertThat(command("planning venster 0")).contains("1 tot en met 60 dagen");
        assertThat(command("planning venster 5")).contains("langer dan de vroegste herinnering (7 dagen");
        assertThat(command("planning herinneringen 20")).contains("elk van 1 tot en met 13");
        assertThat(command("planning herinneringen 3,3")).contains("verschillende");
        assertThat(command("planning herinneringen morgen")).contains("Gebruik: 'planning'");

        assertThat(command("planning")).isEqualTo(before);
        assertThat(command("planning venster 21")).contains("21 dagen om te antwoorden");
        assertThat(command("planning herinneringen 3, 10")).contains("10 en 3 dagen voor de deadline");
    }

    @Test
    void onlyTheProgrammeManagerPlans() {
        String reply = test.command("U1", "planning uit");

        assertThat(reply).contains("Dat kan alleen de programmamanager");
        assertThat(command("planning")).contains("Elk kwartaal");
    }

}
