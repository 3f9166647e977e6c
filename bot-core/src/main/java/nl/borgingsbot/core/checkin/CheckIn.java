package nl.borgingsbot.core.checkin;

import java.time.Instant;
import java.util.Optional;

/**
 * One partner's conversation in one round: where it stands, whether the partner is changing an
 * earlier answer ({@code editing}: after that answer the summary comes back), and when it was
 * submitted.
 */
public record CheckIn(long id, long roundId, long partnerId, Step step, boolean editing,
                      Optional<Instant> submittedAt, Answers answers) {

    public boolean submitted() {
        return submittedAt.isPresent();
    }
}
