package nl.borgingsbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.chat.RateLimits.Rule;
import nl.borgingsbot.core.chat.RateLimits.Scope;
import nl.borgingsbot.core.testing.MutableClock;

/**
 * One call of a scope at a time: when the platform answers 429, no other call of that
 * scope is already on its way (it would arrive before the Retry-After, an "early" call).
 * A call in nested scopes (a Teams tenant and a conversation in it) keeps each scope's rule; a 429
 * pauses the widest; a paced scope admits at most N calls in any window.
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

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    private static List<Scope> tenantAnd(String conversation) {
        return List.of(new Scope("tenant t", Rule.atMost(50, Duration.ofSeconds(1))), Scope.oneAtATime(conversation));
    }

    @Test
    void a429InOneConversationHoldsBackACallToAnotherConversationOfTheTenantUntilItsRetryAfter() {
        MutableClock clock = new MutableClock(T0);
        RateLimits limits = new RateLimits(clock, clock::advance);
        DeliveryException throttled = new DeliveryException(DeliveryException.Reason.TEMPORARY, "429", null,
                Optional.of(Duration.ofSeconds(2)));

        assertThat(catchThrowable(() -> Lane.run(Lane.BULK,
                () -> limits.call(tenantAnd("conversation a"), () -> {
                    throw throttled;
                })))).isSameAs(throttled);
        List<Instant> calledAt = new ArrayList<>();
        Lane.run(Lane.BULK, () -> limits.call(tenantAnd("conversation b"), () -> calledAt.add(clock.instant())));

        assertThat(calledAt).as("the other conversation's call went only after the tenant's Retry-After")
                .containsExactly(T0.plusSeconds(2));
    }

    @Test
    void aBulkCallThatTheWiderScopesPauseWouldOutwaitGoesBackWithTheTimeLeftWithoutCalling() {
        MutableClock clock = new MutableClock(T0);
        RateLimits limits = new RateLimits(clock, clock::advance);
        assertThat(catchThrowable(() -> Lane.run(Lane.BULK,
                () -> limits.call(tenantAnd("conversation a"), () -> {
                    throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "429", null,
                            Optional.of(Duration.ofSeconds(30)));
                })))).isInstanceOf(DeliveryException.class);
        AtomicInteger calls = new AtomicInteger();

        DeliveryException back = catchThrowableOfType(() -> Lane.run(Lane.BULK,
                () -> limits.call(tenantAnd("conversation b"), calls::incrementAndGet)), DeliveryException.class);

        assertThat(back.reason()).isEqualTo(DeliveryException.Reason.TEMPORARY);
        assertThat(back.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(calls.get()).isZero();
    }

    @Test
    void aPacedScopeAdmitsAtMostItsCallsInAnyWindow() {
        MutableClock clock = new MutableClock(T0);
        RateLimits limits = new RateLimits(clock, clock::advance);
        List<Scope> paced = List.of(new Scope("tenant t", Rule.atMost(3, Duration.ofSeconds(1))));
        List<Instant> calledAt = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            limits.call(paced, () -> calledAt.add(clock.instant()));
        }

        assertThat(calledAt).hasSize(10);
        for (Instant start : calledAt) {
            assertThat(calledAt.stream().filter(at -> !at.isBefore(start) && at.isBefore(start.plusSeconds(1))))
                    .as("calls in the second from %s", start).hasSizeLessThanOrEqualTo(3);
        }
        assertThat(calledAt.get(9)).as("paced, not paused longer than needed").isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void aPacedScopeCountsACallUntilTheWindowAfterItsAnswer() {
        MutableClock clock = new MutableClock(T0);
        RateLimits limits = new RateLimits(clock, clock::advance);
        List<Scope> paced = List.of(new Scope("tenant t", Rule.atMost(1, Duration.ofSeconds(1))));
        List<Instant> calledAt = new ArrayList<>();

        // the first call is on its way 400 ms (it may reach the platform at its end)
        limits.call(paced, () -> {
            clock.advance(Duration.ofMillis(400));
            return null;
        });
        limits.call(paced, () -> calledAt.add(clock.instant()));

        assertThat(calledAt).containsExactly(T0.plusMillis(1400));
    }

    @Test
    void callsToDifferentConversationsOfATenantGoTogetherWhileOneConversationTakesOneAtATime() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> Lane.run(Lane.BULK,
                () -> limits.call(tenantAnd("conversation a"), () -> {
                    both.countDown();
                    return awaitQuietly(release);
                })));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> Lane.run(Lane.BULK,
                () -> limits.call(tenantAnd("conversation b"), () -> {
                    both.countDown();
                    return awaitQuietly(release);
                })));
        assertThat(both.await(10, TimeUnit.SECONDS)).as("both conversations' calls under way at once").isTrue();
        AtomicInteger secondInA = new AtomicInteger();
        CompletableFuture<Void> a2 = CompletableFuture.runAsync(() -> Lane.run(Lane.BULK,
                () -> limits.call(tenantAnd("conversation a"), secondInA::incrementAndGet)));

        awaitUntil(() -> limits.waiting("conversation a") == 1);
        assertThat(secondInA.get()).as("a second call to conversation a while its first is under way").isZero();
        release.countDown();
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        a2.get(10, TimeUnit.SECONDS);
        assertThat(secondInA.get()).isEqualTo(1);
    }

    @Test
    void whenAPacedScopesWindowHasRoomAgainAWaitingPartnersCallGoesBeforeABulkCall() throws Exception {
        List<Scope> paced = List.of(new Scope("tenant p", Rule.atMost(1, Duration.ofSeconds(1))));
        List<Lane> order = new CopyOnWriteArrayList<>();
        limits.call(paced, () -> order.add(Lane.current()));
        CompletableFuture<Void> partner = CompletableFuture.runAsync(() -> Lane.run(Lane.INTERACTIVE,
                () -> limits.call(paced, () -> order.add(Lane.current()))));
        awaitUntil(() -> limits.waiting("tenant p") == 1);
        CompletableFuture<Void> bulk = CompletableFuture.runAsync(() -> Lane.run(Lane.BULK,
                () -> limits.call(paced, () -> order.add(Lane.current()))));

        partner.get(10, TimeUnit.SECONDS);
        bulk.get(10, TimeUnit.SECONDS);
        assertThat(order).containsExactly(Lane.current(), Lane.INTERACTIVE, Lane.BULK);
    }

    private static Void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
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
