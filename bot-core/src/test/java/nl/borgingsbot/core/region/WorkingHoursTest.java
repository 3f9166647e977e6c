package nl.borgingsbot.core.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Working hours as a programme manager types them, and the moments they give reminders. */
class WorkingHoursTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aManagerMayTypeWorkingHoursAsTheyWriteThemButNotTheWrongWayRound() {
        assertThat(WorkingHours.parse("8.30-17.00")).contains(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(17, 0)));
        assertThat(WorkingHours.parse(" 08:00 \u2013 18:00 ")).contains(WorkingHours.DEFAULT);
        assertThat(WorkingHours.parse("18:00-08:00")).isEmpty();
        assertThat(WorkingHours.parse("09:00-09:00")).isEmpty();
        assertThat(WorkingHours.parse("25:00-26:00")).isEmpty();
        assertThat(WorkingHours.parse("negen tot vijf")).isEmpty();
    }

    @Test
    void aReminderThatWouldFallInTheWeekendGoesOutOnTheFridayBeforeAtNine() {
        Instant mondayDeadline = Instant.parse("2027-01-18T22:59:00Z");

        assertThat(WorkingHours.DEFAULT.reminderMoment(mondayDeadline, 2, AMSTERDAM))
                .isEqualTo(Instant.parse("2027-01-15T08:00:00Z")); // Saturday -> Friday 09:00
        assertThat(WorkingHours.DEFAULT.reminderMoment(mondayDeadline, 1, AMSTERDAM))
                .isEqualTo(Instant.parse("2027-01-15T08:00:00Z")); // Sunday -> Friday 09:00
        assertThat(WorkingHours.DEFAULT.reminderMoment(mondayDeadline, 7, AMSTERDAM))
                .isEqualTo(Instant.parse("2027-01-11T08:00:00Z")); // Monday 09:00
        WorkingHours late = new WorkingHours(LocalTime.of(10, 0), LocalTime.of(16, 0));
        assertThat(late.reminderMoment(mondayDeadline, 7, AMSTERDAM)).isEqualTo(Instant.parse("2027-01-11T09:00:00Z"));
    }

    @Test
    void theWeekendAndTheNightAreOutsideWorkingHours() {
        assertThat(WorkingHours.DEFAULT.contains(Instant.parse("2027-01-12T07:00:00Z"), AMSTERDAM)).isTrue(); // Tue 08:00
        assertThat(WorkingHours.DEFAULT.contains(Instant.parse("2027-01-12T17:00:00Z"), AMSTERDAM)).isFalse(); // Tue 18:00
        assertThat(WorkingHours.DEFAULT.contains(Instant.parse("2027-01-16T10:00:00Z"), AMSTERDAM)).isFalse(); // Saturday
    }
}
