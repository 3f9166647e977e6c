package nl.borgingsbot.core.region;

import java.time.LocalDate;
import java.util.Optional;

/** Until when a partner is away. Implemented in {@code store}. */
public interface AbsenceRepository {

    /** The last day the partner is away, if an absence was recorded. */
    Optional<LocalDate> until(long partnerId);

    /** The last day the partner is away, when they are away on {@code day}. */
    default Optional<LocalDate> awayOn(long partnerId, LocalDate day) {
        return until(partnerId).filter(until -> !day.isAfter(until));
    }

    /** Records (or replaces) an absence up to and including {@code lastDay}. */
    void set(long partnerId, LocalDate lastDay);

    /** Ends the absence; false when there was none. */
    boolean clear(long partnerId);
}
