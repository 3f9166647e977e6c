package nl.borgingsbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.testing.MutableClock;
import nl.borgingsbot.core.testing.RecordingGateway;
import nl.borgingsbot.core.testing.TestBot;

/**
 * The quarterly plan keeps office hours (Amsterdam, winter time = UTC+1): reminders on a working
 * day at 09:00, what was missed while the bot was down inside working hours, a close at once; the
 * programme manager hears when a round opens or closes by itself; the plan says all of this in
 * plain Dutch or English.
 */
class OfficeHoursTest {

    /** Monday 4 January 2027, 09:00 in Amsterdam: the quarterly plan opens round 1. */
    private static final Instant OPENING = Instant.parse("2027-01-04T08:00:00Z");
    /** Its deadline: Monday 18 January 2027, 23:59 in Amsterdam. */
    private static final Instant DEADLINE = Instant.parse("2027-01-18T22:59:00Z");

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
        test.regionWithPartners("U1", "U2", "U3");
        runner = test.scheduleRunner(ScheduleRunner.DEFAULT_RETENTION_ROUNDS);
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private String command(String line) {
        return test.command(TestBot.ADMIN, line);
    }

    private long directsTo(String user, String containing) {
        return slack.directsTo(user).stream().map(d -> TestBot.TEXT.render(d.message()))
                .filter(t -> t.contains(containing)).count();
    }

    private List<String> toTheManager() {
        return slack.directsTo(TestBot.ADMIN).stream().map(d -> TestBot.TEXT.render(d.message())).toList();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
        test.restart();
        runner = test.scheduleRunner(ScheduleRunner.DEFAULT_RETENTION_ROUNDS);
        runner.tick();
    }

    private List<Round> rounds() {
        return test.database().repositories().rounds().ofRegion(1);
    }

    @Test
    void theTwoDayReminderOfTheQuarterlyPlanComesOnFridayMorningNotSaturdayNight() {
        at("2027-01-04T08:00:30Z");
        assertThat(rounds()).hasSize(1);
        assertThat(rounds().get(0).deadline()).isEqualTo(DEADLINE);

        at("2027-01-11T07:59:00Z"); // Monday 08:59, a week before: not yet
        assertThat(directsTo("U1", "Herinnering")).isZero();
        at("2027-01-11T08:00:00Z"); // Monday 09:00
        assertThat(directsTo("U1", "Herinnering")).isEqualTo(1);

        at("2027-01-15T08:00:00Z"); // Friday 09:00: two days before the deadline is a Saturday
        assertThat(directsTo("U1", "Herinnering")).isEqualTo(2);
        at("2027-01-16T22:59:00Z"); // Saturday 23:59: nothing more
        assertThat(directsTo("U1", "Herinnering")).isEqualTo(2);
    }

    @Test
    void aReminderMissedWhileTheBotWasDownGoesOutTheNextWorkingMorningNotWhenItComesBackAtNight() {
        at("2027-01-04T08:00:30Z");

        at("2027-01-11T21:30:00Z"); // back on Monday 22:30, after missing the 09:00 reminder
        assertThat(directsTo("U1", "Herinnering")).isZero();
        at("2027-01-12T06:59:00Z"); // Tuesday 07:59
        assertThat(directsTo("U1", "Herinnering")).isZero();
        at("2027-01-12T07:00:00Z"); // Tuesday 08:00: working hours begin
        assertThat(directsTo("U1", "Herinnering")).isEqualTo(1);
    }

    @Test
    void aRoundMissedWhileTheBotWasDownOpensTheNextWorkingMorningButAMissedCloseHappensAtOnce() {
        at("2027-01-04T22:57:00Z"); // back on Monday 23:57, after missing the 09:00 opening
        assertThat(rounds()).isEmpty();
        assertThat(directsTo("U1", "Borgingscheck")).isZero();
        at("2027-01-05T07:00:00Z"); // Tuesday 08:00
        assertThat(rounds()).hasSize(1);
        assertThat(directsTo("U1", "Borgingscheck")).isEqualTo(1);
        assertThat(rounds().get(0).deadline()).isEqualTo(DEADLINE);

        at("2027-01-19T02:00:00Z"); // back on Tuesday 03:00 after the deadline: closed at once, at night
        assertThat(rounds().get(0).isOpen()).isFalse();
        assertThat(slack.posts()).hasSize(1);
    }

    @Test
    void theProgrammeManagerIsToldWhenARoundOpensAndClosesByItself() {
        at("2027-01-04T08:00:30Z");
        assertThat(toTheManager()).anySatisfy(text -> assertThat(text).contains(
                "Ronde 1 van regio Noord is volgens de planning geopend: 3 partners hebben een uitnodiging gekregen."
                        + " Deadline: maandag 18 januari 2027 om 23:59."));

        test.answerAll("U2", 3, 3, 3, 3, 3, 3, 3);
        at("2027-01-18T23:00:00Z");
        assertThat(toTheManager()).anySatisfy(text -> assertThat(text).contains(
                "Ronde 1 van regio Noord is vanzelf gesloten: 1 van de 3 partners heeft gereageerd (33%)."));
        assertThat(TestBot.TEXT.render(slack.posts().get(0).message())).contains("1 van de 3 partners heeft gereageerd");
    }

    @Test
    void aProgrammeManagerSetsTheRegionsWorkingHoursAndTheRemindersFollowThem() {
        assertThat(command("planning werktijden 10:00-16:00")).contains("Opgeslagen")
                .contains("maandag tot en met vrijdag van 10:00 tot 16:00").contains("om 10:00 op een werkdag");
        assertThat(command("planning werktijden 18:00-08:00")).contains("zijn geen werktijden")
                .contains("Er is niets veranderd");
        assertThat(command("planning werktijden vanaf negen")).contains("zijn geen werktijden");
        assertThat(command("planning")).contains("van 10:00 tot 16:00");

        at("2027-01-04T08:00:30Z");
        at("2027-01-11T08:30:00Z"); // Monday 09:30: before this region's working day
        assertThat(directsTo("U1", "Herinnering")).isZero();
        at("2027-01-11T09:00:00Z"); // Monday 10:00
        assertThat(directsTo("U1", "Herinnering")).isEqualTo(1);
    }

    @Test
    void thePlanListsTheReminderDatesInPlainDutchAndEnglish() {
        assertThat(command("planning"))
                .contains("krijgt een herinnering 7 en 2 dagen voor de deadline, om 09:00 op een werkdag")
                .contains("maandag 4 januari 2027 om 09:00 tot en met maandag 18 januari 2027 om 23:59;"
                        + " herinneringen op maandag 11 januari 2027 om 09:00 en vrijdag 15 januari 2027 om 09:00");
        assertThat(command("planning herinneringen 1")).contains("een herinnering 1 dag voor de deadline");

        command("regio taal en");
        assertThat(command("schedule reminders 10,7,2"))
                .contains("gets a reminder 10, 7 and 2 days before the deadline, at 09:00 on a working day")
                .contains("reminders on Friday 8 January 2027 at 9:00 AM, Monday 11 January 2027 at 9:00 AM"
                        + " and Friday 15 January 2027 at 9:00 AM");
    }

    @Test
    void linkingARegionSaysTheQuarterlyPlanIsOnAndWhenTheFirstRoundOpens() {
        test.command(TestBot.ADMIN, "partner toevoegen @{U9|U9} Organisatie U9");
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        String reply = test.bot().handle(new nl.borgingsbot.core.chat.InboundEvent.Command(TestBot.user(TestBot.ADMIN),
                java.util.Optional.of(new nl.borgingsbot.core.chat.ChatChannel(TestBot.CHANNEL.platform(),
                        TestBot.CHANNEL.workspace(), "C2")), "regio koppel Zuid")).stream()
                .map(TestBot.TEXT::render).findFirst().orElseThrow();

        assertThat(reply).contains("Dit kanaal is nu het kanaal van regio Zuid")
                .contains("De kwartaalplanning staat aan: de eerste ronde opent vanzelf op maandag 4 januari 2027 om 09:00.");
    }

    @Test
    void roundStatusSaysOnePartnerHasAnsweredInTheSingularInDutchAndEnglish() {
        command("ronde start");
        test.answerAll("U1", 3, 3, 3, 3, 3, 3, 3);
        assertThat(command("ronde status")).contains("1 van de 3 partners heeft de antwoorden verstuurd");
        command("regio taal en");
        assertThat(command("round status")).contains("1 of the 3 partners has submitted their answers");
    }
}
