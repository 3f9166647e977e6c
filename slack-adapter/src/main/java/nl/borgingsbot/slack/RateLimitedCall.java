package nl.borgingsbot.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.RateLimits;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * Calls a Slack Web API method through the workspace's {@link RateLimits}: one limiter per method
 * (and per channel for {@code chat.postMessage}), shared by every thread of this connection, so an
 * HTTP 429 pauses that method for everyone until its {@code Retry-After} has passed. A response
 * that is not {@code ok} becomes a {@link DeliveryException} with the reason the core can explain;
 * 429, 5xx and {@code ratelimited} are {@link DeliveryException.Reason#TEMPORARY} with Slack's
 * {@code Retry-After}: a partner's call waits in the limiter and is tried again, a bulk call
 * ({@link nl.borgingsbot.core.chat.Lane#BULK}) goes back to the core, which delivers it later.
 *
 * <p>Why not the Slack SDK's own limiter ({@code slack.methodsAsync()}, {@code AsyncRateLimitExecutor},
 * {@code MethodsConfig}): it queues every call of a team in one FIFO queue without priorities (a
 * partner's click would wait behind a national fan-out), runs the calls on a fixed pool per team
 * whose threads sleep while a method is paused, and keeps its queues and executors in static maps
 * of the JVM; the two lanes and "a bulk call never holds a thread while paused" need our own.
 */
final class RateLimitedCall {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitedCall.class);

    /** A Web API call. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /** Waits; a seam so waits other than rate limits (an image not ready yet) can be tested without waiting. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Pause pause;
    private final RateLimits limits;

    RateLimitedCall(Pause pause, RateLimits limits) {
        this.pause = pause;
        this.limits = limits;
    }

    RateLimitedCall(Pause pause) {
        this(pause, new RateLimits((scope, wait) -> { }));
    }

    RateLimitedCall(Telemetry telemetry) {
        this(duration -> Thread.sleep(duration.toMillis()), new RateLimits((scope, wait) -> {
            LOG.info("Slack rate limit on {}; paused for {} s", scope, wait.toSeconds());
            telemetry.rateLimited("slack", wait);
        }));
    }

    /** Calls {@code method}, limited per method in this workspace. */
    <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        return limits.call(method, () -> once(method, call));
    }

    /** Calls {@code method} on {@code channel}, limited per method and channel (Slack's 1 message a second a channel). */
    <T extends SlackApiTextResponse> T call(String method, String channel, Call<T> call) {
        return limits.call(method + " " + channel, () -> once(method, call));
    }

    /** The limiter (tests: how many calls wait for a scope). */
    RateLimits limits() {
        return limits;
    }

    private static <T extends SlackApiTextResponse> T once(String method, Call<T> call) {
        try {
            T response = call.run();
            if (!response.isOk()) {
                throw new DeliveryException(reasonOf(response.getError()), method + ": " + response.getError());
            }
            return response;
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            boolean temporary = status == 429 || status >= 500;
            throw new DeliveryException(temporary ? DeliveryException.Reason.TEMPORARY : DeliveryException.Reason.OTHER,
                    method + ": HTTP " + status, e,
                    temporary ? seconds(e.getResponse().header("Retry-After")) : Optional.empty());
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Reason.OTHER, method + ": " + e.getMessage(), e);
        }
    }

    /** Waits {@code wait} (between retries of something else than a rate limit). */
    void pause(Duration wait) {
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Reason.OTHER, "interrupted while waiting", e);
        }
    }

    /** What Slack asked for in {@code Retry-After} (seconds), when it said. */
    static Optional<Duration> seconds(String header) {
        return Optional.ofNullable(header).map(String::strip).filter(h -> h.matches("\\d{1,6}"))
                .map(Long::parseLong).map(Duration::ofSeconds);
    }

    /** What a Slack error code means for the core (the same reasons Teams' status codes map to). */
    static DeliveryException.Reason reasonOf(String error) {
        if (error == null) {
            return DeliveryException.Reason.OTHER;
        }
        return switch (error) {
            case "not_in_channel" -> DeliveryException.Reason.NOT_IN_CHANNEL;
            case "channel_not_found", "is_archived" -> DeliveryException.Reason.CHANNEL_NOT_FOUND;
            case "user_not_found", "user_disabled", "account_inactive" -> DeliveryException.Reason.USER_GONE;
            case "cannot_dm_bot", "messages_tab_disabled", "user_not_visible", "not_allowed_token_type"
                    -> DeliveryException.Reason.USER_UNREACHABLE;
            case "ratelimited", "service_unavailable", "request_timeout" -> DeliveryException.Reason.TEMPORARY;
            default -> DeliveryException.Reason.OTHER;
        };
    }
}
