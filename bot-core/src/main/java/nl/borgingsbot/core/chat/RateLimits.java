package nl.borgingsbot.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One rate limiter per scope of a platform (a Slack Web API method in a workspace, a channel for
 * {@code chat.postMessage}, a Teams conversation), shared by every thread and both entry paths
 * (bulk deliveries and the answers to a partner's click). An adapter runs each platform call
 * through {@link #call}; a call that fails {@link DeliveryException.Reason#TEMPORARY temporarily}
 * (HTTP 429, or briefly unavailable) pauses its scope for everyone until its {@code Retry-After}
 * has passed: no call of that scope starts before then, and after it the first call goes alone
 * (one call of a scope is under way at a time, see below).
 *
 * <p>Two lanes ({@link Lane#current()}): an interactive call (a partner waits for it) waits out a
 * pause of up to {@link #INTERACTIVE_WAIT} and is tried again after a throttled answer; a bulk
 * call waits only out a short pause ({@link #BULK_WAIT}) and never tries again itself — it fails
 * as {@code TEMPORARY} with the time left, so that the core's outbox delivers it later without
 * holding a thread. A bulk call never goes while an interactive call waits for the same scope, and
 * only one call of a scope is under way at a time: when the platform answers 429, no other call
 * of that scope is already on its way to it (a tier of about 50 calls a minute is far below what
 * one call at a time reaches).
 */
public final class RateLimits {

    /** How long a partner's call may wait in the limiter, in all, before it fails as {@code TEMPORARY}. */
    public static final Duration INTERACTIVE_WAIT = Duration.ofSeconds(60);
    /** The longest pause a bulk call waits out here; longer, it goes back to the outbox. */
    public static final Duration BULK_WAIT = Duration.ofSeconds(5);
    /** The pause after a temporary failure that did not say how long to wait. */
    public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

    /** Waits out a pause; a seam so tests with a clock of their own do not really wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Optional<Sleeper> sleeper;
    private final BiConsumer<String, Duration> paused;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    /** Limits in real time; {@code paused} hears every pause (scope, how long), e.g. for telemetry. */
    public RateLimits(BiConsumer<String, Duration> paused) {
        this(Clock.systemUTC(), Optional.empty(), paused);
    }

    /** Limits on {@code clock}, waiting with {@code sleeper} (tests: a sleeper that moves the clock). */
    public RateLimits(Clock clock, Sleeper sleeper) {
        this(clock, Optional.of(sleeper), (scope, pause) -> { });
    }

    private RateLimits(Clock clock, Optional<Sleeper> sleeper, BiConsumer<String, Duration> paused) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.paused = paused;
    }

    /**
     * Runs {@code call} in {@code scope} when the scope allows, in the lane of this thread. A
     * temporary failure pauses the scope for its {@code Retry-After}; an interactive call is then
     * tried again (within {@link #INTERACTIVE_WAIT}), a bulk call fails with it.
     *
     * @throws DeliveryException what the call threw, or {@code TEMPORARY} (with the time left as
     *                           {@code Retry-After}) when the scope stays paused longer than this
     *                           call may wait
     */
    public <T> T call(String scope, Supplier<T> call) {
        Lane lane = Lane.current();
        Scope limiter = scopes.computeIfAbsent(scope, Scope::new);
        Instant start = clock.instant();
        Duration budget = lane == Lane.BULK ? BULK_WAIT : INTERACTIVE_WAIT;
        while (true) {
            limiter.admit(lane, start, budget);
            try {
                T result = call.get();
                limiter.done();
                return result;
            } catch (DeliveryException e) {
                if (!e.reason().temporary()) {
                    limiter.done();
                    throw e;
                }
                Duration pause = e.retryAfter().filter(d -> !d.isNegative()).orElse(DEFAULT_PAUSE);
                limiter.pause(pause);
                paused.accept(scope, pause);
                if (lane == Lane.BULK) {
                    throw e;
                }
            } catch (RuntimeException | Error e) {
                limiter.done();
                throw e;
            }
        }
    }

    /** How many calls wait for {@code scope} now (for tests and diagnostics). */
    public int waiting(String scope) {
        Scope limiter = scopes.get(scope);
        return limiter == null ? 0 : limiter.waiting();
    }

    /** One scope's state: paused until when, whether a call is under way, who waits. */
    private final class Scope {

        private final String name;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private Instant pausedUntil = Instant.MIN;
        private int waiting;
        private int interactiveWaiting;
        private boolean underWay;

        Scope(String name) {
            this.name = name;
        }

        /** Waits until this lane may call (nothing else of this scope under way, no pause). */
        void admit(Lane lane, Instant start, Duration budget) {
            boolean counted = false;
            lock.lock();
            try {
                while (true) {
                    Instant now = clock.instant();
                    Duration remaining = now.isBefore(pausedUntil) ? Duration.between(now, pausedUntil) : Duration.ZERO;
                    if (remaining.compareTo(budget.minus(Duration.between(start, now))) > 0) {
                        throw new DeliveryException(DeliveryException.Reason.TEMPORARY,
                                name + ": rate limited for " + remaining.toMillis() + " ms more", null,
                                Optional.of(remaining));
                    }
                    boolean blocked = !remaining.isZero() || underWay
                            || (lane == Lane.BULK && interactiveWaiting > 0);
                    if (!blocked) {
                        underWay = true;
                        return;
                    }
                    if (!counted) {
                        counted = true;
                        waiting++;
                        interactiveWaiting += lane == Lane.INTERACTIVE ? 1 : 0;
                    }
                    if (!remaining.isZero()) {
                        sleep(remaining);
                    } else {
                        changed.await(1, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(DeliveryException.Reason.TEMPORARY, name + ": interrupted while rate limited", e);
            } finally {
                if (counted) {
                    waiting--;
                    interactiveWaiting -= lane == Lane.INTERACTIVE ? 1 : 0;
                    changed.signalAll();
                }
                lock.unlock();
            }
        }

        private void sleep(Duration remaining) throws InterruptedException {
            if (sleeper.isEmpty()) {
                changed.awaitNanos(remaining.toNanos());
                return;
            }
            lock.unlock();
            try {
                sleeper.get().sleep(remaining);
            } finally {
                lock.lock();
            }
        }

        void done() {
            lock.lock();
            try {
                underWay = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void pause(Duration pause) {
            lock.lock();
            try {
                underWay = false;
                Instant until = clock.instant().plus(pause);
                if (until.isAfter(pausedUntil)) {
                    pausedUntil = until;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int waiting() {
            lock.lock();
            try {
                return waiting;
            } finally {
                lock.unlock();
            }
        }
    }
}
