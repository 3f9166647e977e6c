package nl.borgingsbot.core.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Check-ins and their answers. Every method is one short transaction, so an answer is stored the
 * moment it is given. Implemented in {@code store}.
 */
public interface CheckInRepository {

    /** Creates the partner's check-in for the round at {@link Step#INTRO}, or returns the existing one. */
    CheckIn createOrGet(long roundId, long partnerId);

    /**
     * Creates the partner's check-in for the round; empty when it existed already. Whoever gets it
     * created sends the invitation — so of two bot instances only one does.
     */
    Optional<CheckIn> createIfAbsent(long roundId, long partnerId);

    Optional<CheckIn> find(long roundId, long partnerId);

    Optional<CheckIn> byId(long checkInId);

    /** All check-ins of a round with their answers. */
    List<CheckIn> ofRound(long roundId);

    /** All check-ins of one partner, in every round. */
    List<CheckIn> ofPartner(long partnerId);

    /** Moves the conversation to {@code step}. */
    void moveTo(long checkInId, Step step, boolean editing);

    /** Stores (or replaces) a reflection and moves on, in one transaction. */
    void saveReflection(long checkInId, String promptId, String text, Step next, boolean editing, Instant at);

    /** Stores (or replaces) a score with its toelichting and moves on, in one transaction. */
    void saveScore(long checkInId, String elementId, Score score, Step next, boolean editing, Instant at);

    /**
     * Deletes the free text of a round — reflections and toelichtingen — and keeps the scores
     * (retention). Returns how many answers lost text.
     */
    int eraseText(long roundId);

    /** Marks the check-in submitted (keeps the first submission time) and moves it to {@link Step#DONE}. */
    void submit(long checkInId, Instant at);
}
