package nl.borgingsbot.teams;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.bot.restclient.retry.RetryStrategy;

import nl.borgingsbot.core.telemetry.Telemetry;

import okhttp3.Response;

/**
 * When to call the Bot Connector again: on 429 (throttled), 412 (a conversation being created
 * concurrently), 408, 502, 503 and 504, up to {@code maxRetries} times (after that the call fails
 * as {@code TEMPORARY} and the core's {@code DeliveryRetry} keeps delivering it), waiting as the service asks
 * ({@code Retry-After}, capped) or else exponentially with full jitter, so that many sends throttled
 * together do not come back together. The SDK's own strategy retries 408/5xx but not 429 or 412.
 */
public final class ConnectorRetryStrategy extends RetryStrategy {

    static final Set<Integer> RETRIED = Set.of(408, 412, 429, 502, 503, 504);

    /** Waits; a seam so tests do not really wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxRetries;
    private final Duration base;
    private final Duration max;
    private final Sleeper sleeper;
    private final Telemetry telemetry;

    /**
     * @param maxRetries how often to try again after the first attempt
     * @param base       the first back-off (doubled each time, then jittered)
     * @param max        the longest wait, also for a {@code Retry-After}
     */
    public ConnectorRetryStrategy(int maxRetries, Duration base, Duration max) {
        this(maxRetries, base, max, d -> Thread.sleep(d.toMillis()), Telemetry.NONE);
    }

    /** The same, waiting with {@code sleeper} and telling {@code telemetry} of every 429 waited out. */
    public ConnectorRetryStrategy(int maxRetries, Duration base, Duration max, Sleeper sleeper, Telemetry telemetry) {
        super("borgingsbot-connector", false);
        this.maxRetries = maxRetries;
        this.base = base;
        this.max = max;
        this.sleeper = sleeper;
        this.telemetry = telemetry;
    }

    /**
     * No retries inside the HTTP client: what the bot runs uses this. The {@link TeamsGateway}'s
     * rate limiter pauses the conversation for every thread on 429/412/502/503/504 and tries a
     * partner's call again itself; a bulk delivery goes back to the core's outbox. A retry here
     * would sleep on one thread while the others keep calling.
     */
    public static ConnectorRetryStrategy none() {
        return new ConnectorRetryStrategy(0, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** Four retries, from half a second up to 30 seconds. */
    public static ConnectorRetryStrategy standard() {
        return standard(Telemetry.NONE);
    }

    /** Four retries, from half a second up to 30 seconds, telling {@code telemetry} of every 429. */
    public static ConnectorRetryStrategy standard(Telemetry telemetry) {
        return new ConnectorRetryStrategy(4, Duration.ofMillis(500), Duration.ofSeconds(30),
                d -> Thread.sleep(d.toMillis()), telemetry);
    }

    @Override
    public boolean shouldRetry(int retryCount, Response response) {
        if (retryCount >= maxRetries || !RETRIED.contains(response.code())) {
            return false;
        }
        try {
            Duration wait = delay(retryCount, response.header("Retry-After"));
            sleeper.sleep(wait);
            if (response.code() == 429) {
                telemetry.rateLimited("teams", wait);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How long to wait before retry {@code retryCount + 1}. */
    Duration delay(int retryCount, String retryAfter) {
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.strip());
                return seconds <= 0 ? Duration.ZERO : min(Duration.ofSeconds(seconds), max);
            } catch (NumberFormatException e) {
                // an HTTP date: fall back to our own back-off
            }
        }
        long ceiling = min(base.multipliedBy(1L << Math.min(retryCount, 20)), max).toMillis();
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
