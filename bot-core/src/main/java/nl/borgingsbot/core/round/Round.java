package nl.borgingsbot.core.round;

import java.time.Instant;
import java.util.Optional;

/**
 * One check-in round of a region. {@code number} counts the region's rounds from 1;
 * {@code anonymous} is the region's anonymity when the round opened, and holds for the whole round.
 */
public record Round(long id, long regionId, int number, String questionnaireId, RoundState state,
                    Instant openedAt, Instant deadline, Optional<Instant> closedAt, boolean anonymous) {

    /** Fewer responses than this in an anonymous round: no report of its answers (no one can be singled out). */
    public static final int ANONYMOUS_MINIMUM = 3;
    /** The days a round stays open when no deadline is given. */
    public static final int DEFAULT_WINDOW_DAYS = 14;

    public boolean isOpen() {
        return state == RoundState.OPEN;
    }
}
