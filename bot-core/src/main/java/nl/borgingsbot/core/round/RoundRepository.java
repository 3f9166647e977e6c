package nl.borgingsbot.core.round;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rounds. Implemented in {@code store}. */
public interface RoundRepository {

    /**
     * Opens the region's next round (number = previous + 1). Fails with
     * {@link IllegalStateException} when the region already has an open round.
     */
    Round open(long regionId, String questionnaireId, Instant openedAt, Instant deadline);

    /**
     * Opens the region's round for a scheduled {@code period} (the moment the schedule fired).
     * Empty, and nothing changes, when that period already has a round or the region has an open
     * round — so a scheduled round opens once, whichever instance tries, however often.
     */
    Optional<Round> openScheduled(long regionId, String questionnaireId, Instant period, Instant openedAt,
                                  Instant deadline);

    Optional<Round> byId(long roundId);

    /** The region's open round, if any (at most one). */
    Optional<Round> openRound(long regionId);

    /** The region's rounds, oldest first. */
    List<Round> ofRegion(long regionId);

    /** The last closed or reported round of the region before round number {@code beforeNumber}. */
    Optional<Round> previousClosed(long regionId, int beforeNumber);

    /** OPEN → CLOSED; false when the round was not open (someone else closed it). */
    boolean close(long roundId, Instant closedAt);

    /** CLOSED → REPORTED. */
    void markReported(long roundId);

    /** Rounds that are open in any region (for reminders and deadlines). */
    List<Round> allOpen();

    /**
     * The label positions of the round's partners (0 is Partner A), drawn once: partners in
     * {@code unlabelled} that have no position yet get the next ones, in that order. Returns every
     * stored position of the round — the same for whoever asks later, on any instance.
     */
    Map<Long, Integer> labelPositions(long roundId, List<Long> unlabelled);
}
