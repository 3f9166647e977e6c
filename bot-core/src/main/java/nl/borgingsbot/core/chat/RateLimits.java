package nl.borgingsbot.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The rate limits of a platform, shared by every thread and both entry paths (bulk deliveries and
 * the answers to a partner's click). An adapter runs each platform call through {@link #call} in
 * one or more {@link Scope scopes} (a Slack Web API method in a workspace, a channel for
 * {@code chat.postMessage}; a Teams tenant and a conversation in it), each keeping its own
 * {@link Rule}: how many calls may be under way at once, and how many may go in any window of time.
 * A call goes only when every one of its scopes admits it.
 *
 * <p>A call that fails {@link DeliveryException.Reason#TEMPORARY temporarily} (HTTP 429, or briefly
 * unavailable) pauses its widest scope (the first) for everyone until its {@code Retry-After} has
 * passed: a platform does not say which of its limits it hit, and a pause of the widest holds back
 * every call of the narrower ones too (a Teams 429 pauses the whole tenant, so no call to any of its
 * conversations arrives before the Retry-After).
 *
 * <p>Two lanes ({@link Lane#current()}): an interactive call (a partner waits for it) waits up to
 * {@link #INTERACTIVE_WAIT} and is tried again after a throttled answer; a bulk call waits only
 * {@link #BULK_WAIT} and never tries again itself — it fails as {@code TEMPORARY} with the time
 * left, so that the core's outbox delivers it later without holding a thread. A bulk call leaves a
 * scope's room to the interactive calls waiting for it.
 */
public final class RateLimits {

    /** How long a partner's call may wait in the limiter, in all, before it fails as {@code TEMPORARY}. */
    public static final Duration INTERACTIVE_WAIT = Duration.ofSeconds(60);
    /** The longest a bulk call waits here; longer, it goes back to the outbox. */
    public static final Duration BULK_WAIT = Duration.ofSeconds(5);
    /** The pause after a temporary failure that did not say how long to wait. */
    public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

    /** At most {@code calls} calls in any {@code per}. */
    public record Window(int calls, Duration per) {
        public Window {
            if (calls < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a window admits at least one call in a positive time");
            }
        }
    }

    /**
     * How a scope admits calls: at most {@code atOnce} under way at a time, and in every window at
     * most its number of calls. A call counts in a window from when it starts until the window's
     * length after its answer, so the platform, however long a request takes on the way, never
     * receives more than that number in any such window.
     */
    public record Rule(int atOnce, List<Window> windows) {
        /** One call under way at a time: when the platform answers 429, no other call is on its way to it. */
        public static final Rule ONE_AT_A_TIME = new Rule(1, List.of());

        public Rule {
            windows = List.copyOf(windows);
            if (atOnce < 1) {
                throw new IllegalArgumentException("a scope admits at least one call at a time");
            }
        }

        /** At most {@code calls} in any {@code per}, any number of them under way at once. */
        public static Rule atMost(int calls, Duration per) {
            return new Rule(Integer.MAX_VALUE, List.of(new Window(calls, per)));
        }
    }

    /** A scope of calls and its rule; a scope keeps the rule its first call named. */
    public record Scope(String name, Rule rule) {
        public static Scope oneAtATime(String name) {
            return new Scope(name, Rule.ONE_AT_A_TIME);
        }
    }

    /** Waits out a pause; a seam so tests with a clock of their own do not really wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Optional<Sleeper> sleeper;
    private final BiConsumer<String, Duration> paused;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Limiter> scopes = new HashMap<>();

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

    /** Runs {@code call} in one scope that admits one call at a time; see {@link #call(List, Supplier)}. */
    public <T> T call(String scope, Supplier<T> call) {
        return call(List.of(Scope.oneAtATime(scope)), call);
    }

    /**
     * Runs {@code call} when all its scopes (the widest first) admit it, in the lane of this thread.
     * A temporary failure pauses the widest scope for its {@code Retry-After}; an interactive call
     * is then tried again (within {@link #INTERACTIVE_WAIT}), a bulk call fails with it.
     *
     * @throws DeliveryException what the call threw, or {@code TEMPORARY} (with the time left as
     *                           {@code Retry-After}) when a scope stays closed longer than this call
     *                           may wait
     */
    public <T> T call(List<Scope> scopes, Supplier<T> call) {
        Lane lane = Lane.current();
        List<Limiter> limiters = limiters(scopes);
        Instant start = clock.instant();
        Duration budget = lane == Lane.BULK ? BULK_WAIT : INTERACTIVE_WAIT;
        while (true) {
            admit(limiters, lane, start, budget);
            try {
                T result = call.get();
                done(limiters, Optional.empty());
                return result;
            } catch (DeliveryException e) {
                if (!e.reason().temporary()) {
                    done(limiters, Optional.empty());
                    throw e;
                }
                Duration pause = e.retryAfter().filter(d -> !d.isNegative()).orElse(DEFAULT_PAUSE);
                done(limiters, Optional.of(pause));
                paused.accept(scopes.get(0).name(), pause);
                if (lane == Lane.BULK) {
                    throw e;
                }
            } catch (RuntimeException | Error e) {
                done(limiters, Optional.empty());
                throw e;
            }
        }
    }

    /** How many calls wait for {@code scope} now (for tests and diagnostics). */
    public int waiting(String scope) {
        lock.lock();
        try {
            Limiter limiter = scopes.get(scope);
            return limiter == null ? 0 : limiter.waiting;
        } finally {
            lock.unlock();
        }
    }

    private List<Limiter> limiters(List<Scope> named) {
        if (named.isEmpty()) {
            throw new IllegalArgumentException("a call needs a scope");
        }
        lock.lock();
        try {
            return named.stream().map(s -> scopes.computeIfAbsent(s.name(), n -> new Limiter(s))).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every scope has room for this lane's call, then counts it as under way in each. */
    private void admit(List<Limiter> limiters, Lane lane, Instant start, Duration budget) {
        boolean counted = false;
        lock.lock();
        try {
            while (true) {
                Instant now = clock.instant();
                if (limiters.stream().allMatch(l -> l.room(now) > (lane == Lane.BULK ? l.interactiveWaiting : 0))) {
                    limiters.forEach(l -> l.underWay++);
                    return;
                }
                // the longest any scope stays closed by time alone (a pause, a full window); zero: until a call ends
                Duration closed = limiters.stream().map(l -> l.closedFor(now)).max(Duration::compareTo).orElseThrow();
                if (closed.compareTo(budget.minus(Duration.between(start, now))) > 0) {
                    throw new DeliveryException(DeliveryException.Reason.TEMPORARY, limiters.get(0).scope.name()
                            + ": rate limited for " + closed.toMillis() + " ms more", null, Optional.of(closed));
                }
                if (!counted) {
                    counted = true;
                    limiters.forEach(l -> l.waiting(lane, 1));
                }
                if (closed.isZero()) {
                    changed.await(1, TimeUnit.SECONDS);
                } else {
                    sleep(closed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Reason.TEMPORARY,
                    limiters.get(0).scope.name() + ": interrupted while rate limited", e);
        } finally {
            if (counted) {
                limiters.forEach(l -> l.waiting(lane, -1));
                changed.signalAll();
            }
            lock.unlock();
        }
    }

    private void sleep(Duration duration) throws InterruptedException {
        if (sleeper.isEmpty()) {
            changed.awaitNanos(duration.toNanos());
            return;
        }
        lock.unlock();
        try {
            sleeper.get().sleep(duration);
        } finally {
            lock.lock();
        }
    }

    /** The call has its answer: it leaves each scope's calls under way (and counts on in its windows). */
    private void done(List<Limiter> limiters, Optional<Duration> pause) {
        lock.lock();
        try {
            Instant now = clock.instant();
            limiters.forEach(l -> l.ended(now));
            pause.ifPresent(p -> limiters.get(0).pause(now.plus(p)));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** One scope's state, guarded by the limits' lock: paused until when, calls under way and ended, who waits. */
    private static final class Limiter {

        private final Scope scope;
        private final Duration longestWindow;
        private final Deque<Instant> ends = new ArrayDeque<>();
        private Instant pausedUntil = Instant.MIN;
        private int underWay;
        private int waiting;
        private int interactiveWaiting;

        Limiter(Scope scope) {
            this.scope = scope;
            this.longestWindow = scope.rule().windows().stream().map(Window::per).max(Duration::compareTo)
                    .orElse(Duration.ZERO);
        }

        /** How many more calls may start now: none while paused. */
        int room(Instant now) {
            if (now.isBefore(pausedUntil)) {
                return 0;
            }
            int room = scope.rule().atOnce() - underWay;
            for (Window window : scope.rule().windows()) {
                room = Math.min(room, window.calls() - underWay - endedAfter(now.minus(window.per())));
            }
            return room;
        }

        /** How long this scope stays closed by time alone: its pause, or until a call leaves a full window. */
        Duration closedFor(Instant now) {
            Instant opens = pausedUntil;
            for (Window window : scope.rule().windows()) {
                Instant since = now.minus(window.per());
                if (underWay + endedAfter(since) >= window.calls()) {
                    Optional<Instant> oldest = ends.stream().filter(end -> end.isAfter(since)).findFirst();
                    if (oldest.isPresent() && oldest.get().plus(window.per()).isAfter(opens)) {
                        opens = oldest.get().plus(window.per());
                    }
                }
            }
            return now.isBefore(opens) ? Duration.between(now, opens) : Duration.ZERO;
        }

        private int endedAfter(Instant since) {
            int count = 0;
            for (var end = ends.descendingIterator(); end.hasNext() && end.next().isAfter(since); ) {
                count++;
            }
            return count;
        }

        void ended(Instant now) {
            underWay--;
            if (!longestWindow.isZero()) {
                ends.addLast(now);
                while (!ends.peekFirst().isAfter(now.minus(longestWindow))) {
                    ends.removeFirst();
                }
            }
        }

        void pause(Instant until) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }

        void waiting(Lane lane, int delta) {
            waiting += delta;
            interactiveWaiting += lane == Lane.INTERACTIVE ? delta : 0;
        }
    }
}
