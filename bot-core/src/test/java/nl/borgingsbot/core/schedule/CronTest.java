package nl.borgingsbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theDefaultIsTheFirstMondayOfEachQuarterAtNineInAmsterdamAcrossDaylightSavingTime() {
        Cron quarterly = Cron.of(Schedule.QUARTERLY, AMSTERDAM);

        assertThat(quarterly.next(NOW, 5)).containsExactly(
                Instant.parse("2027-01-04T08:00:00Z"),  // Mon 4 Jan 09:00 CET (+1)
                Instant.parse("2027-04-05T07:00:00Z"),  // Mon 5 Apr 09:00 CEST (+2), after the change of 28 March
                Instant.parse("2027-07-05T07:00:00Z"),  // Mon 5 Jul 09:00 CEST
                Instant.parse("2027-10-04T07:00:00Z"),  // Mon 4 Oct 09:00 CEST, before the change of 31 October
                Instant.parse("2028-01-03T08:00:00Z")); // Mon 3 Jan 09:00 CET
    }

    @Test
    void theLastFireInAPeriodIsFound() {
        Cron quarterly = Cron.of(Schedule.QUARTERLY, AMSTERDAM);

        assertThat(quarterly.lastFireBetween(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-10T00:00:00Z")))
                .contains(Instant.parse("2027-01-04T08:00:00Z"));
        assertThat(quarterly.lastFireBetween(Instant.parse("2027-01-04T08:00:00Z"), Instant.parse("2027-02-01T00:00:00Z")))
                .isEmpty(); // the start of the period is excluded
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0 0 9 ? 1,4,7,10 MON#1 | ",
            "0 0 9 ? * MON          | ",
            "0 30 8 1 */2 ?         | ",
            "0 0 9 * * ?            | TOO_OFTEN",
            "0 0 9 ? * MON,THU      | TOO_OFTEN",
            "0 0 0 30 2 ?           | NEVER_FIRES",
            "0 0 9 ? * MON 2020     | NEVER_FIRES",
            "0 0 25 * * ?           | INVALID",
            "elke maandag           | INVALID",
            "0 0 9 * *              | INVALID"})
    void onlyExpressionsThatFireAtMostWeeklyCanScheduleRounds(String cron, Cron.Problem problem) {
        assertThat(Cron.check(cron.strip(), AMSTERDAM, NOW)).isEqualTo(Optional.ofNullable(problem));
    }
}
