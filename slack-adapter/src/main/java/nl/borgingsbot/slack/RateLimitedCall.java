package nl.borgingsbot.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * Calls a Slack Web API method, waiting out HTTP 429 ({@code Retry-After}) a few times, so that
 * fanning out a round paces itself instead of failing. A response that is not {@code ok} becomes a
 * {@link DeliveryException} with the reason the core can explain; a call still throttled after
 * {@value #MAX_ATTEMPTS} attempts (or answered 5xx) is {@link DeliveryException.Reason#TEMPORARY},
 * with Slack's {@code Retry-After}, and the core keeps delivering it
 * ({@link nl.borgingsbot.core.chat.DeliveryRetry}) until it goes through.
 */
final class RateLimitedCall {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitedCall.class);

    /** A Web API call. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /** Waits; a seam so the policy can be tested without waiting. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    static final int MAX_ATTEMPTS = 5;
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private final Pause pause;
    private final Telemetry telemetry;

    RateLimitedCall(Pause pause, Telemetry telemetry) {
        this.pause = pause;
        this.telemetry = telemetry;
    }

    RateLimitedCall(Pause pause) {
        this(pause, Telemetry.NONE);
    }

    RateLimitedCall(Telemetry telemetry) {
        this(duration -> Thread.sleep(duration.toMillis()), telemetry);
    }

    <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                if (!response.isOk()) {
                    throw new DeliveryException(reasonOf(response.getError()), method + ": " + response.getError());
                }
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                String header = e.getResponse().header("Retry-After");
                if (status != 429 || attempt >= MAX_ATTEMPTS) {
                    boolean temporary = status == 429 || status >= 500;
                    throw new DeliveryException(temporary ? DeliveryException.Reason.TEMPORARY : DeliveryException.Reason.OTHER,
                            method + ": HTTP " + status, e, temporary ? seconds(header) : Optional.empty());
                }
                Duration wait = retryAfter(header);
                LOG.info("Slack rate limit on {}; waiting {} s (attempt {})", method, wait.toSeconds(), attempt);
                sleep(wait);
                telemetry.rateLimited("slack", wait);
            } catch (IOException e) {
                throw new DeliveryException(DeliveryException.Reason.OTHER, method + ": " + e.getMessage(), e);
            }
        }
    }

    /** Waits {@code wait} (between retries of something else than a rate limit). */
    void pause(Duration wait) {
        sleep(wait);
    }

    private void sleep(Duration wait) {
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Reason.OTHER, "interrupted while rate limited", e);
        }
    }

    /** How long to wait here before the next attempt: what Slack asked, at most {@link #MAX_WAIT}. */
    static Duration retryAfter(String header) {
        Duration wait = seconds(header).orElse(DEFAULT_WAIT);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** What Slack asked for in {@code Retry-After} (seconds), when it said. */
    private static Optional<Duration> seconds(String header) {
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
