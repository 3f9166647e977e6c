package nl.borgingsbot.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;

/** The outbox's rows (table {@code outbox}); implemented in {@code store}. */
public interface OutboxStore {

    /** Where a row stands. */
    enum State { PENDING, SENDING, DELIVERED, FAILED }

    /**
     * A row to add: {@code target} is {@code user}, {@code channel} or {@code thread}; a thread reply's
     * {@code parent} is the position of its parent among the rows added together.
     */
    record New(Envelope.Kind kind, Envelope.About about, Platform platform, String workspace, String target,
               String targetId, Optional<Integer> parent, String message) {
    }

    /** A row claimed for delivery; {@code parentPost} is where a thread reply goes. */
    record Row(long id, String batch, Envelope.Kind kind, Envelope.About about, Platform platform, String workspace,
               String target, String targetId, Optional<PostedMessage> parentPost, String message, int attempts,
               Optional<Instant> firstAttempt) {
    }

    /** How a row of a batch ended (or stands). */
    record Outcome(long id, int seq, Envelope.Kind kind, Envelope.About about, State state,
                   Optional<DeliveryException.Reason> reason, String detail, Optional<PostedMessage> posted) {

        public boolean done() {
            return state == State.DELIVERED || state == State.FAILED;
        }
    }

    /**
     * A fan-out whose outcome is told once all its rows are done ({@link Outbox#enqueue(Fanout, List)}):
     * {@code topic} says who tells it ({@link Outbox.WhenDone}); {@code away} and {@code slot} are
     * what the teller needs besides the rows.
     */
    record Fanout(String topic, long regionId, long roundId, int away, String slot) {
    }

    /** Adds rows to a batch (after the ones it has), due now, in one transaction. */
    void add(String batch, List<New> rows, Instant now);

    /** Adds a new batch whose outcome is to be told, with its rows, in one transaction. */
    void add(String batch, Fanout fanout, List<New> rows, Instant now);

    /** The fan-out of a batch whose outcome was not told yet. */
    Optional<Fanout> untold(String batch);

    /**
     * Claims telling a batch's outcome and adds the rows that tell it, in one transaction; false
     * (and nothing added) when it was told already.
     */
    boolean tell(String batch, List<New> rows, Instant now);

    /** The batches with a fan-out not told yet whose rows are all delivered or failed. */
    List<String> doneButUntold();

    /**
     * Marks the rows of a batch that are not done, first tried at or before {@code firstAttemptBy},
     * and not marked before, as overdue; the rows this call marked (once per row, also across
     * instances).
     */
    List<Outcome> markOverdue(String batch, Instant firstAttemptBy, Instant now);

    /**
     * Claims up to {@code limit} due rows: pending with {@code next_attempt <= now}, or leased by a
     * dispatcher whose lease has run out; a thread reply only once its parent was delivered. A row
     * is claimed by one dispatcher only (also across instances).
     */
    List<Row> claim(Instant now, Instant leaseUntil, int limit);

    void delivered(long id, int attempts, Instant firstAttempt, Optional<PostedMessage> posted, Instant now);

    /** A failed attempt to try again at {@code next}. */
    void retry(long id, int attempts, Instant firstAttempt, Instant next, DeliveryException.Reason reason, String detail);

    void failed(long id, int attempts, Instant firstAttempt, DeliveryException.Reason reason, String detail, Instant now);

    /** Fails the pending thread replies whose parent failed; how many. */
    int failOrphans(Instant now);

    /**
     * The earliest moment a row not yet done becomes due (its next attempt, or its lease running
     * out); a thread reply whose parent is not delivered yet does not count.
     */
    Optional<Instant> nextDue();

    /** The rows of a batch in order. */
    List<Outcome> batch(String batch);

    /** How many rows are not yet delivered or failed. */
    int unfinished();
}
