package nl.borgingsbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * One call of a scope at a time: when the platform answers 429, no other call of that
 * scope is already on its way (it would arrive before the Retry-After, an "early" call).
 */
class RateLimitsTest {

    private final RateLimits limits = new RateLimits((scope, pause) -> { });

    @Test
    void aSecondBulkCallOfAScopeWaitsUntilTheFirstIsAnsweredAndThenHonoursItsRetryAfter() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger underWay = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Runnable throttledCall = () -> {
            calls.incrementAndGet();
            underWay.incrementAndGet();
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            underWay.decrementAndGet();
            throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "429", null,
                    java.util.Optional.of(Duration.ofSeconds(30)));
        };
        List<CompletableFuture<Void>> bulk = List.of(bulk(throttledCall), bulk(throttledCall));

        awaitUntil(() -> underWay.get() == 1 && limits.waiting("conversations.open") == 1);
        assertThat(calls.get()).as("calls that reached the platform while the first was under way").isEqualTo(1);
        answer.countDown();

        for (CompletableFuture<Void> call : bulk) {
            assertThat(call).failsWithin(Duration.ofSeconds(10));
        }
        assertThat(calls.get()).as("the second went back to the outbox without calling inside the pause").isEqualTo(1);
    }

    @Test
    void bulkCallsOfDifferentScopesGoTogether() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> Lane.run(Lane.BULK,
                () -> limits.call("chat.postMessage:D1", () -> awaitBoth(both))));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> Lane.run(Lane.BULK,
                () -> limits.call("chat.postMessage:D2", () -> awaitBoth(both))));
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
    }

    private static Void awaitBoth(CountDownLatch both) {
        both.countDown();
        try {
            assertThat(both.await(5, TimeUnit.SECONDS)).as("the other scope's call was under way at the same time").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private CompletableFuture<Void> bulk(Runnable call) {
        return CompletableFuture.runAsync(() -> Lane.run(Lane.BULK, () -> limits.call("conversations.open", () -> {
            call.run();
            return null;
        })));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            Thread.sleep(10);
        }
    }
}
