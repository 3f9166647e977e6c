package nl.borgingsbot.core.chat;

import java.util.function.Supplier;

/**
 * Which work a call to a platform belongs to. A partner's interaction (the answer to their click,
 * their next question) goes ahead of bulk work (invitations, reminders, reports), so a partner in
 * their check-in never waits behind a national fan-out. The core runs bulk deliveries inside
 * {@link #run(Lane, Supplier)}; an adapter's rate limiter asks {@link #current()} which queue a
 * call joins. Anything not marked is interactive.
 */
public enum Lane {
    INTERACTIVE, BULK;

    private static final ThreadLocal<Lane> CURRENT = ThreadLocal.withInitial(() -> INTERACTIVE);

    /** The lane of the work on this thread. */
    public static Lane current() {
        return CURRENT.get();
    }

    /** Runs {@code work} in {@code lane} on this thread, then restores the lane it was in. */
    public static <T> T run(Lane lane, Supplier<T> work) {
        Lane before = CURRENT.get();
        CURRENT.set(lane);
        try {
            return work.get();
        } finally {
            CURRENT.set(before);
        }
    }
}
