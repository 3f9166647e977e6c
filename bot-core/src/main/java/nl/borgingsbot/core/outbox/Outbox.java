package nl.borgingsbot.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Delivery;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.DeliveryRetry;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Lane;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.outbox.OutboxStore.Outcome;
import nl.borgingsbot.core.outbox.OutboxStore.Row;
import nl.borgingsbot.core.outbox.OutboxStore.State;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * The one way the core delivers messages to people and channels outside the answer to an event:
 * every message is first a row in the database ({@link OutboxStore}), then a dispatcher delivers
 * it and marks it done. A restart resumes where it was: rows still pending are delivered by the
 * next dispatcher on this database.
 *
 * <p>The dispatcher is one poller thread ({@code outbox-poller}) that claims due rows and a small
 * bounded pool ({@code outbox-bulk-N}, {@link #BULK_WORKERS}) that delivers them, each inside
 * {@code Lane.run(Lane.BULK, …)} so that the adapters' rate limiters put them behind partners'
 * interactions; the Inbox's workers, which handle partners' clicks, never deliver a row. A pool
 * slot is taken before a row is claimed, so no more rows are claimed than can be delivered.
 *
 * <p>An attempt the platform throttles ({@link DeliveryException.Reason#TEMPORARY}) puts the row
 * back with its next attempt after the platform's {@code Retry-After} ({@link Delivery#failed},
 * the same rule as {@link DeliveryRetry}); no worker sleeps on it, and it is retried until it goes
 * through. A partner's row still not through {@link DeliveryRetry#reportAfter()} after its first
 * attempt is told to the region's managers once ({@link FailureNotices#overdue}, remembered in the
 * row), and tried on. Any other failure is final, and the failures of a fan-out that a programme
 * manager must act on (a partner not reached) are told to the region's managers in one message when
 * the fan-out is done ({@link FailureNotices}).
 *
 * <p>A fan-out enqueued with a {@link OutboxStore.Fanout} has its outcome told when its last row is
 * delivered or failed, by the {@link WhenDone} of its topic, exactly once (claimed in the database
 * with the outcome's own rows; a fan-out that finished while no dispatcher ran is told at the next
 * start). Nobody waits for it: a scheduler tick or a command only enqueues.
 *
 * <p>A row being delivered when the process died stays {@code sending} until its lease
 * ({@link #LEASE}) runs out, then it is delivered again. At worst this doubles that one message —
 * the platform may have taken it just before the process died, and there is no way to ask — and
 * only rows that were in flight (at most {@link #BULK_WORKERS}) can be doubled; a message is never
 * lost.
 */
public final class Outbox implements AutoCloseable {

    /** Threads delivering rows; small, because the platforms' limits, not threads, set the pace. */
    public static final int BULK_WORKERS = 4;
    /** How long a claimed row is this dispatcher's before another may deliver it. */
    public static final Duration LEASE = Duration.ofMinutes(5);
    /** How long {@link #send} waits by default; what is not done by then is still delivered later. */
    public static final Duration AWAIT = Duration.ofMinutes(2);
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final OutboxStore store;
    private final RegionRepository regions;
    private final Gateways gateways;
    private final Clock clock;
    private final int workers;
    private final Telemetry telemetry;
    private final FailureNotices notices;
    private final Object lock = new Object();
    private final Object pauseLock = new Object();
    private boolean pausing;
    private final Semaphore free;
    private long wakeups;
    private volatile boolean running;
    /** A row failed since the last look: replies in its thread may have to fail too. */
    private volatile boolean orphansPossible = true;
    private ExecutorService pool;
    private Thread poller;
    private final Map<String, WhenDone> tellers = new ConcurrentHashMap<>();

    /** Tells the outcome of a fan-out once every row of it is delivered or failed. */
    @FunctionalInterface
    public interface WhenDone {
        /** The messages that tell it (none when nobody is to be told), given the batch's rows in order. */
        List<Envelope> outcome(OutboxStore.Fanout fanout, List<Outcome> rows);
    }

    /**
     * @param notices tells a region's managers which partners a fan-out did not reach
     * @param workers threads delivering rows ({@link #BULK_WORKERS})
     */
    public Outbox(OutboxStore store, RegionRepository regions, FailureNotices notices, Gateways gateways, Clock clock,
                  int workers, Telemetry telemetry) {
        this.store = store;
        this.regions = regions;
        this.notices = notices;
        this.gateways = gateways;
        this.clock = clock;
        this.workers = workers;
        this.telemetry = telemetry;
        this.free = new Semaphore(workers);
    }

    /** Lets {@code teller} tell the outcome of the fan-outs of {@code topic}; register before {@link #start}. */
    public void whenDone(String topic, WhenDone teller) {
        tellers.put(topic, teller);
    }

    /**
     * Starts the dispatcher: rows left pending by an earlier run are delivered first, and a
     * fan-out that finished just before that run stopped is told now.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        tellWhatFinishedWhileStopped();
        AtomicInteger number = new AtomicInteger();
        pool = Executors.newFixedThreadPool(workers, r -> daemon(r, "outbox-bulk-" + number.incrementAndGet()));
        poller = daemon(this::poll, "outbox-poller");
        poller.start();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Stops claiming rows and lets the deliveries in flight finish (up to {@code timeout}); rows
     * still pending stay for the next start.
     */
    public void stop(Duration timeout) {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        wake();
        try {
            poller.join(timeout.toMillis());
            pool.shutdown();
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("outbox: deliveries still running after {} s; their rows are delivered after the next start",
                        timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /** A new batch: the messages of one fan-out, whose failures are told together. */
    public String newBatch() {
        return UUID.randomUUID().toString();
    }

    /** Stores the messages as one new batch, to be delivered; returns the batch. */
    public String enqueue(List<Envelope> envelopes) {
        String batch = newBatch();
        enqueue(batch, envelopes);
        return batch;
    }

    /** Adds messages to a batch, to be delivered. */
    public void enqueue(String batch, List<Envelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        store.add(batch, rows(envelopes), clock.instant());
        wake();
    }

    /**
     * Stores the messages of a fan-out as one new batch whose outcome is told once they are all
     * delivered or failed ({@link WhenDone}); returns the batch. Does not wait.
     */
    public String enqueue(OutboxStore.Fanout fanout, List<Envelope> envelopes) {
        String batch = newBatch();
        store.add(batch, fanout, rows(envelopes), clock.instant());
        if (envelopes.isEmpty()) {
            synchronized (lock) {
                settle(batch, List.of());
            }
        }
        wake();
        return batch;
    }

    private static List<OutboxStore.New> rows(List<Envelope> envelopes) {
        return envelopes.stream().map(e -> row(e, envelopes)).toList();
    }

    private static OutboxStore.New row(Envelope envelope, List<Envelope> batch) {
        String message = MessageCodec.encode(envelope.message());
        if (envelope.to() instanceof Envelope.ToUser user) {
            ChatUser to = user.user();
            return new OutboxStore.New(envelope.kind(), envelope.about(), to.platform(), to.workspace(), "user",
                    to.userId(), Optional.empty(), message);
        }
        if (envelope.to() instanceof Envelope.ToChannel channel) {
            ChatChannel to = channel.channel();
            return new OutboxStore.New(envelope.kind(), envelope.about(), to.platform(), to.workspace(), "channel",
                    to.channelId(), Optional.empty(), message);
        }
        int parent = ((Envelope.InThreadOf) envelope.to()).index();
        OutboxStore.New of = row(batch.get(parent), batch);
        return new OutboxStore.New(envelope.kind(), envelope.about(), of.platform(), of.workspace(), "thread", "",
                Optional.of(parent), message);
    }

    /**
     * Waits until every message of the batch is delivered or failed, or {@code timeout} passed
     * (what is not done by then goes on being delivered); the batch's rows in order.
     */
    public List<Outcome> await(String batch, Duration timeout) {
        return awaitAll(List.of(batch), timeout).get(batch);
    }

    /** {@link #await} for several batches at once, under one timeout. */
    public Map<String, List<Outcome>> awaitAll(List<String> batches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        synchronized (lock) {
            for (String batch : batches) {
                List<Outcome> rows = store.batch(batch);
                while (!rows.stream().allMatch(Outcome::done) && System.nanoTime() < deadline) {
                    try {
                        lock.wait(Math.max(1, Math.min(IDLE.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    rows = store.batch(batch);
                }
                outcomes.put(batch, rows);
            }
        }
        return outcomes;
    }

    /** Enqueues and waits ({@link #AWAIT}). */
    public List<Outcome> send(List<Envelope> envelopes) {
        return envelopes.isEmpty() ? List.of() : await(enqueue(envelopes), AWAIT);
    }

    /** Sends a DM through the outbox; true when it was delivered. */
    public boolean sendDirect(ChatUser user, Message message) {
        return send(List.of(Envelope.toUser(Envelope.Kind.DM, Envelope.About.NOTHING, user, message))).stream()
                .allMatch(o -> o.state() == State.DELIVERED);
    }

    /**
     * Tells the region's programme managers something in a DM; in the region channel when the
     * region has no manager or none could be reached. Waits ({@link #send}).
     */
    public void tellManagers(Region region, Message message) {
        List<Envelope> to = toManagers(region, message);
        if (send(to).stream().noneMatch(o -> o.state() == State.DELIVERED) && to.get(0).to() instanceof Envelope.ToUser) {
            send(List.of(toChannel(region, message)));
        }
    }

    /** The DMs that tell the region's programme managers something; a post in the region channel when it has none. */
    public List<Envelope> toManagers(Region region, Message message) {
        Envelope.About about = new Envelope.About(region.id(), 0, 0);
        List<Envelope> dms = regions.managers(region.id()).stream()
                .map(m -> Envelope.toUser(Envelope.Kind.NOTICE, about, m, message)).toList();
        return dms.isEmpty() ? List.of(toChannel(region, message)) : dms;
    }

    private static Envelope toChannel(Region region, Message message) {
        return new Envelope(Envelope.Kind.NOTICE, new Envelope.About(region.id(), 0, 0),
                new Envelope.ToChannel(region.channel()), message);
    }

    /** Waits until no row is pending (the demo, which ends when everything is out); false on timeout. */
    public boolean awaitEmpty(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (store.unfinished() > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.min(left, IDLE.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- the dispatcher

    private void wake() {
        synchronized (lock) {
            wakeups++;
            lock.notifyAll();
        }
        synchronized (pauseLock) {
            if (pausing) {
                poller.interrupt(); // only while it waits for a row's next attempt, never during a database call
            }
        }
    }

    /** Waits until the next row is due, as the retry policy waits; a new row or a stop ends the wait early. */
    private void pauseUntil(Instant due, long seen) {
        Duration wait = Duration.between(clock.instant(), due);
        if (wait.isNegative() || wait.isZero()) {
            idle(seen); // due but not claimed (another dispatcher has it): look again soon, do not spin
            return;
        }
        synchronized (pauseLock) {
            pausing = true;
        }
        try {
            if (!wakeups(seen)) {
                return; // woken just before: a wake from now on interrupts the pause
            }
            gateways.retry().pause(wait);
        } catch (InterruptedException e) {
            // woken by wake(): look again
        } finally {
            synchronized (pauseLock) {
                pausing = false;
                Thread.interrupted();
            }
        }
    }

    private void poll() {
        while (running) {
            long seen;
            synchronized (lock) {
                seen = wakeups;
            }
            try {
                if (claimAndDeliver() || orphansPossible && failOrphans()) {
                    continue;
                }
                Optional<Instant> next = store.nextDue();
                if (next.isPresent() && free.availablePermits() == workers && wakeups(seen)) {
                    pauseUntil(next.get(), seen); // nothing in flight, and the next row is due later
                } else {
                    idle(seen);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("outbox: {}", e.toString());
                idle(seen);
            }
        }
    }

    /** True when nothing woke the dispatcher since {@code seen}. */
    private boolean wakeups(long seen) {
        synchronized (lock) {
            return wakeups == seen;
        }
    }

    /** The fan-outs whose last row was done just before a stop (or a crash), not yet told. */
    private void tellWhatFinishedWhileStopped() {
        try {
            for (String batch : store.doneButUntold()) {
                synchronized (lock) {
                    settle(batch, store.batch(batch));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox: could not tell the outcome of finished fan-outs: {}", e.toString());
        }
    }

    private boolean failOrphans() {
        orphansPossible = false;
        return store.failOrphans(clock.instant()) > 0;
    }

    private void idle(long seen) {
        synchronized (lock) {
            if (wakeups == seen && running) {
                try {
                    lock.wait(IDLE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /** Claims as many due rows as there are free workers and hands them over; whether any was due. */
    private boolean claimAndDeliver() throws InterruptedException {
        int slots = free.availablePermits();
        if (slots == 0) {
            return false;
        }
        Instant now = clock.instant();
        List<Row> due = store.claim(now, now.plus(LEASE), slots);
        for (Row row : due) {
            free.acquire();
            pool.execute(() -> {
                try {
                    Lane.run(Lane.BULK, () -> deliver(row));
                } finally {
                    free.release();
                    wake();
                }
            });
        }
        return !due.isEmpty();
    }

    private Void deliver(Row row) {
        Instant first = row.firstAttempt().orElse(clock.instant());
        Delivery delivery = new Delivery(row.kind().name(), first, row.attempts(), clock.instant(),
                Delivery.Result.PENDING, Optional.empty());
        try {
            Optional<PostedMessage> posted = attempt(row);
            finish(row, () -> store.delivered(row.id(), delivery.attempts() + 1, first, posted, clock.instant()));
        } catch (RuntimeException e) {
            DeliveryException failure = e instanceof DeliveryException d ? d
                    : new DeliveryException(DeliveryException.Reason.OTHER, e.toString(), e);
            Delivery after = delivery.failed(failure, clock.instant(), gateways.retry());
            String detail = String.valueOf(failure.getMessage());
            if (after.result() == Delivery.Result.PENDING) {
                LOG.info("outbox: {} {} throttled ({}); attempt {} at {}", row.kind(), row.id(), detail,
                        after.attempts() + 1, after.nextAttempt());
                store.retry(row.id(), after.attempts(), first, after.nextAttempt(), failure.reason(), detail);
                if (after.overdue(clock.instant(), gateways.retry())) {
                    overdue(row);
                }
            } else {
                LOG.warn("outbox: {} {} to {}:{} not delivered after {} attempt(s): {} {}", row.kind(), row.id(),
                        row.platform().key(), row.targetId(), after.attempts(), failure.reason(), detail);
                telemetry.deliveryFailed(regionName(row), 0, row.kind().name().toLowerCase(java.util.Locale.ROOT),
                        failure.reason().name());
                finish(row, () -> store.failed(row.id(), after.attempts(), first, failure.reason(), detail,
                        clock.instant()));
                orphansPossible = true;
            }
        }
        return null;
    }

    /** Tells the managers once of the partners of the row's batch still not reached after the hour. */
    private void overdue(Row row) {
        Instant now = clock.instant();
        List<Outcome> late = store.markOverdue(row.batch(), now.minus(gateways.retry().reportAfter()), now);
        if (!late.isEmpty()) {
            LOG.warn("outbox: {} message(s) of batch {} still throttled after {} min; told once, still trying",
                    late.size(), row.batch(), gateways.retry().reportAfter().toMinutes());
            enqueue(notices.overdue(late));
        }
    }

    private String regionName(Row row) {
        return row.about().regionId() == 0 ? "" : regions.byId(row.about().regionId()).map(Region::name).orElse("");
    }

    private Optional<PostedMessage> attempt(Row row) {
        Message message = MessageCodec.decode(row.message());
        ChatGateway gateway = gateways.attemptOnce(row.platform());
        switch (row.target()) {
            case "user" -> {
                gateway.sendDirect(new ChatUser(row.platform(), row.workspace(), row.targetId()), message);
                return Optional.empty();
            }
            case "channel" -> {
                return Optional.of(gateway.postToChannel(new ChatChannel(row.platform(), row.workspace(), row.targetId()),
                        message));
            }
            default -> {
                PostedMessage parent = row.parentPost().orElseThrow();
                gateway.replyInThread(parent, message);
                return Optional.of(parent); // a later reply in this thread goes to the same thread
            }
        }
    }

    /** Marks a row done; when that was the batch's last row, {@link #settle}s the batch. */
    private void finish(Row row, Runnable mark) {
        synchronized (lock) {
            mark.run();
            List<Outcome> batch = store.batch(row.batch());
            if (batch.stream().allMatch(Outcome::done)) {
                settle(row.batch(), batch);
            }
            wakeups++;
            lock.notifyAll();
        }
    }

    /**
     * A batch whose rows are all done: its failures are told to the managers, and its fan-out's
     * outcome (once), in the same batch, so that a caller awaiting the batch also awaits those.
     */
    private void settle(String batch, List<Outcome> rows) {
        enqueue(batch, notices.of(rows));
        Optional<OutboxStore.Fanout> fanout = store.untold(batch);
        if (fanout.isEmpty()) {
            return;
        }
        WhenDone teller = tellers.get(fanout.get().topic());
        if (teller == null) {
            LOG.warn("outbox: nobody tells the outcome of '{}' fan-outs (batch {})", fanout.get().topic(), batch);
            return;
        }
        if (store.tell(batch, rows(teller.outcome(fanout.get(), rows)), clock.instant())) {
            wake();
        }
    }
}
