package nl.borgingsbot.core.inbox;

import java.time.Instant;

/**
 * The keys of the events the core has handled, kept in the database so that a retry is
 * recognised after a restart and by a second instance. Implemented in {@code store}.
 */
public interface HandledEvents {

    /** True when an event with this key was handled before. */
    boolean handled(String key);

    /** Records that the event with this key was handled; a key recorded before stays as it was. */
    void remember(String key, Instant at);

    /** Forgets the keys handled before {@code cutoff}; returns how many. */
    int forgetBefore(Instant cutoff);
}
