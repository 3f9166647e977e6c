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
 * {@link DeliveryException} with the reason the core can explain.
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
                if (e.getResponse().code() != 429 || attempt >= MAX_ATTEMPTS) {
                    throw new DeliveryException(DeliveryException.Reason.OTHER,
                            method + ": HTTP " + e.getResponse().code(), e);
                }
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
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

    static Duration retryAfter(String header) {
        Optional<Long> seconds = Optional.ofNullable(header).map(String::strip)
                .filter(h -> h.matches("\\d{1,6}")).map(Long::parseLong);
        Duration wait = seconds.map(Duration::ofSeconds).orElse(DEFAULT_WAIT);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** What a Slack error code means for the core. */
    static DeliveryException.Reason reasonOf(String error) {
        if (error == null) {
            return DeliveryException.Reason.OTHER;
        }
        return switch (error) {
            case "not_in_channel" -> DeliveryException.Reason.NOT_IN_CHANNEL;
            case "channel_not_found", "is_archived" -> DeliveryException.Reason.CHANNEL_NOT_FOUND;
            case "user_not_found", "user_disabled", "cannot_dm_bot", "messages_tab_disabled",
                 "user_not_visible", "not_allowed_token_type" -> DeliveryException.Reason.USER_UNREACHABLE;
            default -> DeliveryException.Reason.OTHER;
        };
    }
}
