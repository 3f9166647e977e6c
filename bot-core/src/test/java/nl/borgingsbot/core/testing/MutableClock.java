package nl.borgingsbot.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand: time passes only when the test says so. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private volatile Runnable beforeMoving = () -> { };

    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Runs {@code settle} before each move: the test bot lets its outbox deliver what is under way
     * first, as the hours a test skips would have.
     */
    public void settleBeforeMoving(Runnable settle) {
        this.beforeMoving = settle;
    }

    public void set(Instant instant) {
        beforeMoving.run();
        now = instant;
    }

    public void advance(Duration duration) {
        beforeMoving.run();
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
