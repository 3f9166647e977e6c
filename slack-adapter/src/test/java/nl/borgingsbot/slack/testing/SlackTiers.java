package nl.borgingsbot.slack.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Slack's published Web API rate limits, for {@link FakeSlack}: per method per workspace (Tier 3
 * {@code conversations.open} and {@code chat.update}, 50 a minute; Tier 4 {@code users.info},
 * {@code views.open}, {@code views.publish}, 100 a minute) and {@code chat.postMessage}'s special
 * tier (1 a second per channel, and a workspace-wide cap of {@value #POST_WORKSPACE_PER_MINUTE} a
 * minute). Each limit is a sliding window: at most {@code calls} admitted in any {@code per}. A call
 * above it is answered HTTP 429 with {@code Retry-After} (whole seconds, at least 1, as Slack
 * sends it): when the window has room again. A call to a scope before the {@code Retry-After}
 * it was given has passed is an <em>early call</em>: counted, and answered 429 again.
 *
 * <p>{@code factor} scales time: every window is divided by it (50 a minute becomes 50 per 3 s at
 * 20), so Retry-After shrinks with it (rounded up to whole seconds). {@code latency} is how long
 * each call takes before Slack answers. Sources: docs/benchmarks.md, "A national Monday".
 */
public final class SlackTiers {

    /** At most {@code calls} in any {@code per} (real time, before scaling). */
    public record Limit(int calls, Duration per) {
        public static Limit perMinute(int calls) {
            return new Limit(calls, Duration.ofMinutes(1));
        }
    }

    /** Slack's Tier 3 ("50+ per minute"). */
    public static final Limit TIER_3 = Limit.perMinute(50);
    /** Slack's Tier 4 ("100+ per minute"). */
    public static final Limit TIER_4 = Limit.perMinute(100);
    /** chat.postMessage: "one message per second per channel". */
    public static final Limit POST_PER_CHANNEL = new Limit(1, Duration.ofSeconds(1));
    /** chat.postMessage's workspace-wide cap: Slack says "several hundred messages per minute"; we take 300. */
    public static final int POST_WORKSPACE_PER_MINUTE = 300;
    public static final Limit POST_PER_WORKSPACE = Limit.perMinute(POST_WORKSPACE_PER_MINUTE);

    private static final Map<String, Limit> METHODS = Map.of(
            "conversations.open", TIER_3,
            "chat.update", TIER_3,
            "users.info", TIER_4,
            "views.open", TIER_4,
            "views.publish", TIER_4,
            "chat.postMessage", POST_PER_WORKSPACE);

    private final int factor;
    private final boolean limited;
    private final Duration latency;
    private final LongSupplier nanos;
    private final Map<String, Deque<Long>> admitted = new HashMap<>();
    private final Map<String, Long> retryAt = new HashMap<>();
    private final Map<String, Integer> early = new TreeMap<>();
    private final Map<String, Integer> throttled = new TreeMap<>();
    private final Map<String, Integer> calls = new TreeMap<>();
    private final Map<String, List<Long>> postedAt = new HashMap<>();

    public SlackTiers(int factor, Duration latency) {
        this(factor, latency, System::nanoTime);
    }

    /** With a clock in nanoseconds (tests). */
    public SlackTiers(int factor, Duration latency, LongSupplier nanos) {
        this(factor, true, latency, nanos);
    }

    private SlackTiers(int factor, boolean limited, Duration latency, LongSupplier nanos) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1");
        }
        this.factor = factor;
        this.limited = limited;
        this.latency = latency;
        this.nanos = nanos;
    }

    /** No limits, only the latency per call (and the counts and arrival times). */
    public static SlackTiers latencyOnly(Duration latency) {
        return new SlackTiers(1, false, latency, System::nanoTime);
    }

    public int factor() {
        return factor;
    }

    public Duration latency() {
        return latency;
    }

    /** The limit of {@code method} per workspace, empty when it has none here. */
    public static Optional<Limit> limitOf(String method) {
        return Optional.ofNullable(METHODS.get(method));
    }

    /**
     * Decides one call: empty when it is admitted (and counted in its windows), else the
     * {@code Retry-After} in whole seconds to answer with HTTP 429.
     */
    public synchronized Optional<Long> admit(String method, String channel) {
        long now = nanos.getAsLong();
        calls.merge(method, 1, Integer::sum);
        Limit limit = limited ? METHODS.get(method) : null;
        if (limit == null) {
            if (method.equals("chat.postMessage")) {
                postedAt.computeIfAbsent(channel, c -> new ArrayList<>()).add(now);
            }
            return Optional.empty();
        }
        List<String> scopes = new ArrayList<>(List.of(method));
        if (method.equals("chat.postMessage")) {
            scopes.add(method + " " + channel);
        }
        if (scopes.stream().anyMatch(s -> now < retryAt.getOrDefault(s, Long.MIN_VALUE))) {
            early.merge(method, 1, Integer::sum);
            throttled.merge(method, 1, Integer::sum);
            long until = scopes.stream().mapToLong(s -> retryAt.getOrDefault(s, now)).max().orElse(now);
            return Optional.of(seconds(until - now));
        }
        long longest = 0;
        for (String scope : scopes) {
            long wait = waitFor(scope, scope.equals(method) ? limit : POST_PER_CHANNEL, now);
            if (wait > 0) { // only the full scope is paused: another channel may still be posted to
                retryAt.merge(scope, now + seconds(wait) * 1_000_000_000L, Math::max);
                longest = Math.max(longest, wait);
            }
        }
        if (longest > 0) {
            throttled.merge(method, 1, Integer::sum);
            return Optional.of(seconds(longest));
        }
        for (String scope : scopes) {
            admitted.computeIfAbsent(scope, s -> new ArrayDeque<>()).addLast(now);
        }
        if (method.equals("chat.postMessage")) {
            postedAt.computeIfAbsent(channel, c -> new ArrayList<>()).add(now);
        }
        return Optional.empty();
    }

    /** Nanoseconds until {@code scope} has room for one more call (0: room now); forgets calls out of the window. */
    private long waitFor(String scope, Limit limit, long now) {
        long window = limit.per().toNanos() / factor;
        Deque<Long> times = admitted.computeIfAbsent(scope, s -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - window) {
            times.removeFirst();
        }
        return times.size() < limit.calls() ? 0 : times.peekFirst() + window - now;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Calls made to a method before a Retry-After it was given for that scope had passed. */
    public synchronized Map<String, Integer> early() {
        return Map.copyOf(early);
    }

    public synchronized int earlyTotal() {
        return early.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Calls answered 429, per method. */
    public synchronized Map<String, Integer> throttled() {
        return Map.copyOf(throttled);
    }

    /** Every call, per method. */
    public synchronized Map<String, Integer> calls() {
        return Map.copyOf(calls);
    }

    /** When (System.nanoTime) each admitted chat.postMessage to {@code channel} arrived, oldest first. */
    public synchronized List<Long> postedAt(String channel) {
        return List.copyOf(postedAt.getOrDefault(channel, List.of()));
    }

    /**
     * The least time (real, unscaled) in which {@code calls} calls of a method under {@code limit}
     * can all be admitted: the first {@code limit.calls()} at once, then one window per further
     * {@code limit.calls()}.
     */
    public static Duration floor(int calls, Limit limit) {
        return limit.per().multipliedBy(Math.max(0, (calls - 1) / limit.calls()));
    }

    /** A summary of counts per method, for the benchmark's output. */
    public synchronized String summary() {
        StringBuilder out = new StringBuilder();
        calls.forEach((method, n) -> out.append(String.format(java.util.Locale.ROOT, "  %-22s %6d calls, %5d answered 429, %5d early%n",
                method, n, throttled.getOrDefault(method, 0), early.getOrDefault(method, 0))));
        return out.toString();
    }
}
