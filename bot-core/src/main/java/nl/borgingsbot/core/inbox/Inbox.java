package nl.borgingsbot.core.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Handled;
import nl.borgingsbot.core.chat.InboundEvent;

/**
 * The core's entry point for every platform: an adapter hands in an event when it acknowledges it
 * ({@link #accept}, cheap: a look-up in memory and a queue), and the event is handled after the ack
 * on the core's pool. Three guarantees:
 *
 * <ul>
 *   <li><b>Once.</b> An event whose key was handled before — a platform's retry, a double click
 *   delivered twice, a retry after a restart or at a second instance — changes nothing and gets no
 *   reply. Keys in flight are known in memory (so two copies arriving together are one); keys
 *   handled are kept in the database ({@link HandledEvents}) for {@link #KEPT}, then pruned.</li>
 *   <li><b>In order.</b> One person's events are handled one at a time, in the order they were
 *   accepted; different people's run in parallel.</li>
 *   <li><b>Bounded.</b> At most {@code waitingLimit} events wait (accepted, not yet answered); the
 *   next one is refused at the door ({@link Busy}) instead of growing the queues without end, and
 *   the adapter answers the platform 503, so that it sends the event again later.</li>
 *   <li><b>Earlier first.</b> An event accepted with {@code afterEarlier} (a round being closed)
 *   waits until every event accepted before it, of anyone, has been handled: a submission
 *   acknowledged before the close counts in the round.</li>
 * </ul>
 *
 * <p><b>When a key counts as handled — the choice for a crash.</b> The key is written after the
 * event's effect is stored and before anything is shown (the replies, a question shown answered).
 * So a crash between accepting and storing loses nothing: the platform's retry is handled as if it
 * were the first. A crash after the key is written, before the replies went out, leaves a stored
 * answer without its reply; the partner sees the question again or the next one (never an answer
 * shown that is not stored), and answering again is harmless. Not covered: a crash in the
 * milliseconds between the effect's commit and the key's (two local writes); a retry then is
 * handled a second time. Writing the key in the same transaction as every effect would close that
 * window but tie every repository to this one; we chose the smaller seam.
 */
public final class Inbox implements AutoCloseable {

    /** How long a handled key is remembered: Slack retries within minutes, Teams within a minute. */
    public static final Duration KEPT = Duration.ofDays(2);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final HandledEvents handledEvents;
    private final Clock clock;
    private final ExecutorService pool;
    /** Threads that show results: they wait on the platforms' APIs, so they are many and apart from {@link #pool}. */
    private final ExecutorService replies;
    /*
     * No lock is shared between the ack path and the threads after it (only concurrent maps): a
     * thread after the ack, preempted while holding a lock, would hold up every ack.
     */
    /** Keys accepted and not yet handled. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Each person's last accepted event. */
    private final Map<ChatUser, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    /** Every accepted event not yet handled. */
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
    private volatile Instant lastPruned = Instant.EPOCH;

    /** Threads that send the replies after handling; they wait on a platform's API, not on the CPU. */
    public static final int REPLY_THREADS = 32;
    /**
     * Events waiting at most, by default: a national Monday's 1,200 partners each with a few clicks
     * in flight fit many times over; a platform resending faster than the bot answers does not.
     */
    public static final int WAITING_LIMIT = 10_000;
    private static final Duration WARN_BUSY_EVERY = Duration.ofMinutes(1);

    /** An event refused because {@code waitingLimit} events are waiting: not acknowledged, sent again later. */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(int limit) {
            super(limit + " events are waiting to be handled; this one is refused and comes again later");
        }
    }

    private final int waitingLimit;
    private volatile Instant lastWarnedBusy = Instant.EPOCH;

    /**
     * @param workers      threads that handle events after the ack (the core and the database); the
     *                     replies go out on {@link #REPLY_THREADS} other threads, so a slow platform
     *                     API does not hold these
     * @param waitingLimit events accepted and not yet answered, at most ({@link #WAITING_LIMIT})
     */
    public Inbox(HandledEvents handledEvents, Clock clock, int workers, int waitingLimit) {
        if (waitingLimit < 1) {
            throw new IllegalArgumentException("waitingLimit must be at least 1, was " + waitingLimit);
        }
        this.handledEvents = handledEvents;
        this.clock = clock;
        this.waitingLimit = waitingLimit;
        this.pool = Executors.newFixedThreadPool(workers, daemons("borgingsbot-"));
        this.replies = Executors.newFixedThreadPool(REPLY_THREADS, daemons("borgingsbot-reply-"));
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Accepts an event at ack time; it is handled later, on the pool: {@code handle} stores its
     * effect, then the key is recorded, then {@code deliver} shows the result. A duplicate is
     * dropped (neither is called).
     *
     * @param afterEarlier wait for every event accepted before this one (of anyone)
     * @return completes once the event is handled and delivered (or dropped)
     * @throws Busy when {@code waitingLimit} events are waiting: the event is not taken
     */
    public CompletableFuture<Void> accept(InboundEvent event, boolean afterEarlier,
                                                      Function<InboundEvent, Handled> handle, Consumer<Handled> deliver) {
        if (pending.size() >= waitingLimit) {
            warnBusy();
            throw new Busy(waitingLimit);
        }
        String key = event.from().platform().key() + ":" + event.key();
        if (!inFlight.add(key)) {
            LOG.debug("a second copy of an event in flight: dropped");
            return CompletableFuture.completedFuture(null);
        }
        ChatUser person = event.from();
        // one person's events queue up atomically behind their last one
        CompletableFuture<Void> next = tails.compute(person, (who, tail) -> {
            CompletableFuture<Void> before = afterEarlier
                    ? CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    : tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> queued = before
                    .thenApplyAsync(ignored -> handleOnce(key, event, handle), pool)
                    .thenAcceptAsync(handled -> deliver(key, event, handled, deliver), replies);
            pending.add(queued);
            return queued;
        });
        next.whenComplete((ok, error) -> {
            pending.remove(next);
            tails.remove(person, next);
            if (error != null) {
                inFlight.remove(key);
                LOG.error("an event of {}:{} could not be handled: {}", person.platform().key(), person.userId(),
                        error.getMessage());
            }
        });
        return next;
    }

    /** Handles the event unless its key was handled before; the result, empty for a retry or a failure. */
    private Optional<Handled> handleOnce(String key, InboundEvent event, Function<InboundEvent, Handled> handle) {
        try {
            if (handledEvents.handled(key)) {
                LOG.info("a retry of an event handled before: changes nothing");
                return Optional.empty();
            }
            Handled result = handle.apply(event);
            remember(key);
            return Optional.of(result);
        } catch (RuntimeException e) {
            LOG.error("could not handle an event of {}:{}", event.from().platform().key(), event.from().userId(), e);
            return Optional.empty();
        }
    }

    /** Shows the result (the replies, over the platform's API: waiting on I/O, not on the handling pool). */
    private void deliver(String key, InboundEvent event, Optional<Handled> handled, Consumer<Handled> deliver) {
        try {
            handled.ifPresent(deliver);
        } catch (RuntimeException e) {
            LOG.error("could not answer an event of {}:{}", event.from().platform().key(), event.from().userId(), e);
        } finally {
            inFlight.remove(key);
        }
    }

    /** Once a minute at most: a platform resending faster than the bot answers would flood the log. */
    private void warnBusy() {
        Instant now = Instant.now();
        if (Duration.between(lastWarnedBusy, now).compareTo(WARN_BUSY_EVERY) >= 0) {
            lastWarnedBusy = now;
            LOG.warn("{} events are waiting to be handled: new ones are refused (HTTP 503) until the bot catches up;"
                    + " the platforms send them again", waitingLimit);
        }
    }

    private void remember(String key) {
        Instant now = clock.instant();
        try {
            handledEvents.remember(key, now);
            if (Duration.between(lastPruned, now).compareTo(PRUNE_EVERY) > 0) {
                lastPruned = now;
                handledEvents.forgetBefore(now.minus(KEPT));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record a handled event (a retry of it would be handled again): {}", e.getMessage());
        }
    }

    /**
     * Waits until every event accepted so far has been handled and delivered.
     *
     * @return false when that took longer than {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        try {
            while (!pending.isEmpty()) {
                long left = Duration.between(Instant.now(), until).toMillis();
                if (left <= 0) {
                    return false;
                }
                // events accepted while waiting (a person's next one) are waited for too
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .exceptionally(e -> null).get(left, TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return pending.isEmpty();
        }
    }

    /** Finishes what was accepted (up to half a minute), then stops the pool. */
    @Override
    public void close() {
        if (!awaitIdle(Duration.ofSeconds(30))) {
            LOG.warn("stopping with events still being handled; a retry from the platform will handle them");
        }
        pool.shutdown();
        replies.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
            replies.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
