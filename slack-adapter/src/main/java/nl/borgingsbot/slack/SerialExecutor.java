package nl.borgingsbot.slack;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work after an ack on a shared pool, one task at a time per key (per person), so one
 * partner's replies arrive in the order they typed and clicked, while different partners run in
 * parallel.
 */
final class SerialExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    void execute(String key, Runnable task) {
        tails.compute(key, (k, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.thenRunAsync(() -> run(task), pool);
            next.whenComplete((ok, error) -> tails.remove(k, next));
            return next;
        });
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Slack task failed", e);
        }
    }
}
