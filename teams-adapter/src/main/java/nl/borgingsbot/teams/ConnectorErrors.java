package nl.borgingsbot.teams;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.microsoft.bot.restclient.RestException;

import nl.borgingsbot.core.chat.DeliveryException;

/** Waits for a Bot Connector call and turns its failure into a {@link DeliveryException}. */
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
            DeliveryException.Reason reason = status.map(reasons::of).orElse(DeliveryException.Reason.OTHER);
            throw new DeliveryException(reason,
                    what + " failed" + status.map(s -> " with HTTP " + s).orElse(": " + cause), cause);
        }
    }

    /** The HTTP status of a failed call, when the service answered. */
    static Optional<Integer> status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                return Optional.of(rest.response().code());
            }
        }
        return Optional.empty();
    }
}
