package nl.borgingsbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineParserTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-15", "15-12-2026", "15/12/2026", "15.12.2026", "15 december 2026",
            "15 dec 2026", "15 December 2026", "15 Dec 2026"})
    void readsTheWaysPeopleWriteADate(String text) {
        assertThat(DeadlineParser.parse(text, AMSTERDAM))
                .contains(ZonedDateTime.of(2026, 12, 15, 23, 59, 0, 0, AMSTERDAM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"morgen", "31-02-2026", "2026-13-01", "15 decembre 2026", "", "12"})
    void refusesWhatIsNoDate(String text) {
        assertThat(DeadlineParser.parse(text, AMSTERDAM)).isEmpty();
    }
}
