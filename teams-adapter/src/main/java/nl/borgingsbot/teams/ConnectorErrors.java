package nl.borgingsbot.teams;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.microsoft.bot.restclient.RestException;

import nl.borgingsbot.core.chat.DeliveryException;

/**
 * Waits for a Bot Connector call and turns its failure into a {@link DeliveryException}: a status
 * the service throttles or is briefly unavailable with (429, 412, 408, 502, 503, 504; still so
 * after the SDK's own retries, {@link ConnectorRetryStrategy}) is
 * {@link DeliveryException.Reason#TEMPORARY} with its {@code Retry-After}, so that the core keeps
 * delivering it; other statuses mean what {@link Reasons} says for this kind of call.
 */
final class ConnectorErrors {

    /** Which reason a status code means for this kind of call. */
    @FunctionalInterface
    interface Reasons {
        DeliveryException.Reason of(int status);
    }

    private ConnectorErrors() {
    }

    static <T> T await(CompletableFuture<T> call, String what, Reasons reasons) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Reason.OTHER, what + ": interrupted", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Optional<Integer> status = status(cause);
            boolean temporary = status.filter(ConnectorRetryStrategy.RETRIED::contains).isPresent();
            DeliveryException.Reason reason = temporary ? DeliveryException.Reason.TEMPORARY
                    : status.map(reasons::of).orElse(DeliveryException.Reason.OTHER);
            throw new DeliveryException(reason,
                    what + " failed" + status.map(s -> " with HTTP " + s).orElse(": " + cause), cause,
                    temporary ? retryAfter(cause) : Optional.empty());
        }
    }

    /** The HTTP status of a failed call, when the service answered. */
    static Optional<Integer> status(Throwable failure) {
        return response(failure).map(retrofit2.Response::code);
    }

    /** The wait the service asked for ({@code Retry-After} in seconds), when it said. */
    static Optional<Duration> retryAfter(Throwable failure) {
        return response(failure).map(r -> r.headers().get("Retry-After")).map(String::strip)
                .filter(h -> h.matches("\\d{1,6}")).map(Long::parseLong).map(Duration::ofSeconds);
    }

    private static Optional<retrofit2.Response<?>> response(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                return Optional.of(rest.response());
            }
        }
        return Optional.empty();
    }
}
