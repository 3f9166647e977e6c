package nl.borgingsbot.teams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Microsoft's published Teams bot rate limits, for {@link FakeBotConnector}: per app per tenant 50
 * requests a second, and per bot per conversation ("thread") 7 in 1 s, 8 in 2 s, 60 in 30 s and
 * 1800 in an hour for sending. Each is a sliding window; a request above one is answered HTTP 429
 * with {@code Retry-After} in whole seconds (at least 1): when the window has room again. A request
 * to a scope before its Retry-After has passed is counted as early. {@code factor} divides every
 * window (limits ×factor). Sources: docs/benchmarks.md, "A national Monday".
 */
final class TeamsThrottle {

    record Limit(int calls, Duration per) {
    }

    static final Limit TENANT = new Limit(50, Duration.ofSeconds(1));
    static final List<Limit> CONVERSATION = List.of(new Limit(7, Duration.ofSeconds(1)), new Limit(8, Duration.ofSeconds(2)),
            new Limit(60, Duration.ofSeconds(30)), new Limit(1800, Duration.ofHours(1)));

    private final int factor;
    private final LongSupplier nanos;
    private final Map<String, Deque<Long>> admitted = new HashMap<>();
    private final Map<String, Long> retryAt = new HashMap<>();
    private int early;
    private int throttled;
    private int calls;

    TeamsThrottle(int factor) {
        this(factor, System::nanoTime);
    }

    TeamsThrottle(int factor, LongSupplier nanos) {
        this.factor = factor;
        this.nanos = nanos;
    }

    int factor() {
        return factor;
    }

    /** Empty when admitted; else the Retry-After (s) of a 429. {@code conversation} is empty for calls not sending into one. */
    synchronized Optional<Long> admit(String tenant, Optional<String> conversation) {
        long now = nanos.getAsLong();
        calls++;
        Map<String, Limit> scopes = new java.util.LinkedHashMap<>();
        scopes.put("tenant " + tenant, TENANT);
        conversation.ifPresent(c -> CONVERSATION.forEach(l -> scopes.put("conversation " + c + " " + l.per(), l)));
        long until = scopes.keySet().stream().mapToLong(s -> retryAt.getOrDefault(s, Long.MIN_VALUE)).max().orElse(Long.MIN_VALUE);
        if (now < until) {
            early++;
            throttled++;
            return Optional.of(seconds(until - now));
        }
        long longest = 0;
        for (Map.Entry<String, Limit> scope : scopes.entrySet()) {
            long window = scope.getValue().per().toNanos() / factor;
            Deque<Long> times = admitted.computeIfAbsent(scope.getKey(), s -> new ArrayDeque<>());
            while (!times.isEmpty() && times.peekFirst() <= now - window) {
                times.removeFirst();
            }
            if (times.size() >= scope.getValue().calls()) { // only the full scope is paused
                long wait = times.peekFirst() + window - now;
                retryAt.merge(scope.getKey(), now + seconds(wait) * 1_000_000_000L, Math::max);
                longest = Math.max(longest, wait);
            }
        }
        if (longest > 0) {
            throttled++;
            return Optional.of(seconds(longest));
        }
        scopes.keySet().forEach(s -> admitted.get(s).addLast(now));
        return Optional.empty();
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    synchronized int early() {
        return early;
    }

    synchronized int throttled() {
        return throttled;
    }

    synchronized int calls() {
        return calls;
    }
}
