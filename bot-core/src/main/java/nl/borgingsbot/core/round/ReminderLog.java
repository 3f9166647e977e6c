package nl.borgingsbot.core.round;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which reminders went out. A reminder is claimed before it is sent, so that of two bot
 * instances only one sends it: once per round, partner and slot, and never two on one day.
 * Implemented in {@code store}.
 */
public interface ReminderLog {

    /** True when this caller may send the reminder (nobody claimed this slot or this day before). */
    boolean claim(long roundId, long partnerId, String slot, LocalDate day, Instant at);

    /** Gives a claim back after the reminder could not be delivered, so it can be tried again. */
    void release(long roundId, long partnerId, String slot);
}
