package nl.borgingsbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void anInstantIsWrittenInOneFixedWidthForm() {
        assertThat(Timestamps.format(Instant.parse("2027-01-04T08:00:00Z"))).isEqualTo("2027-01-04T08:00:00.000000000Z");
        assertThat(Timestamps.format(Instant.parse("2027-01-04T08:00:00.5Z"))).isEqualTo("2027-01-04T08:00:00.500000000Z");
        assertThat(Timestamps.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000000Z");
    }

    @Test
    void anInstantComesBackExactly() {
        for (Instant instant : samples()) {
            assertThat(Timestamps.parse(Timestamps.format(instant))).isEqualTo(instant);
        }
        assertThat(Timestamps.parse(null)).isNull();
    }

    @Test
    void theTextSortsLikeTheInstants() {
        List<Instant> instants = samples();
        List<String> texts = new ArrayList<>();
        instants.forEach(instant -> texts.add(Timestamps.format(instant)));

        instants.sort(Comparator.naturalOrder());
        texts.sort(Comparator.naturalOrder());

        assertThat(texts).extracting(Timestamps::parse).containsExactlyElementsOf(instants);
    }

    private static List<Instant> samples() {
        return new ArrayList<>(List.of(
                Instant.parse("2027-01-04T08:00:00Z"),
                Instant.parse("2027-01-04T08:00:00.5Z"),
                Instant.parse("2027-01-04T08:00:00.123456789Z"),
                Instant.parse("2027-01-04T07:59:59.999999999Z"),
                Instant.parse("1999-12-31T23:59:59Z"),
                Instant.EPOCH,
                Instant.ofEpochSecond(253402300799L)));
    }
}
