package nl.borgingsbot.core.round;

import java.time.Instant;
import java.util.Optional;

/**
 * One check-in round of a region. {@code number} counts the region's rounds from 1;
 * {@code anonymous} is the region's anonymity when the round opened, and holds for the whole round.
 */
public record Round(long id, long regionId, int number, String questionnaireId, RoundState state,
                    Instant openedAt, Instant deadline, Optional<Instant> closedAt, boolean anonymous) {

    public boolean isOpen() {
        return state == RoundState.OPEN;
    }
}
