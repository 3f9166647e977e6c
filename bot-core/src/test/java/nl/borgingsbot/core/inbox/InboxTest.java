package nl.borgingsbot.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.Handled;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.testing.TestBot;

/**
 * The core's entry point on a real SQLite file: an event's key counts once (in flight, handled,
 * and after a restart), one person's events in the order accepted, and {@code ronde sluit} after
 * every event accepted before it.
 */
class InboxTest {

    @TempDir
    Path dir;

    private TestBot test;

    @BeforeEach
    void start() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        test.regionWithPartners("U1");
        test.command(TestBot.ADMIN, "ronde start 7-12-2026");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private static InboundEvent.TextReply typed(String user, String text, String key) {
        return new InboundEvent.TextReply(TestBot.user(user), Optional.empty(), text, key);
    }

    private String handle(InboundEvent event) {
        return TestBot.render(test.bot().handle(event));
    }

    private void toFirstStatement() {
        test.dm("U1", "start");
        test.dm("U1", "a");
        test.dm("U1", "b");
        assertThat(test.dm("U1", "c")).contains("Stelling 1 van 7");
    }

    @Test
    void anEventHandledBeforeChangesNothingAndGetsNoReplyAlsoAfterARestart() {
        toFirstStatement();
        assertThat(handle(typed("U1", "4", "Ev1"))).contains("Stelling 2 van 7");
        assertThat(handle(typed("U1", "4", "Ev1"))).isEmpty();

        test.restart();
        assertThat(handle(typed("U1", "4", "Ev1"))).isEmpty();
        assertThat(test.dm("U1", "verder")).contains("Stelling 2 van 7");
        // the same id from another platform is another event
        assertThat(handle(new InboundEvent.TextReply(new nl.borgingsbot.core.chat.ChatUser(
                nl.borgingsbot.core.chat.Platform.of("teams"), "t", "U1"), Optional.empty(), "hallo", "Ev1"))).isNotEmpty();
    }

    @Test
    void twoCopiesAcceptedTogetherAreHandledOnce() {
        toFirstStatement();
        List<Message> replies = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> first = test.bot().accept(typed("U1", "4", "EvTwice"), h -> replies.addAll(h.replies()));
        CompletableFuture<Void> second = test.bot().accept(typed("U1", "4", "EvTwice"), h -> replies.addAll(h.replies()));
        CompletableFuture.allOf(first, second).join();

        assertThat(replies).hasSize(1);
        assertThat(test.dm("U1", "verder")).contains("Stelling 2 van 7");
    }

    @Test
    void onePersonsEventsAreHandledInTheOrderTheyWereAccepted() {
        toFirstStatement();
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<?>[] all = new CompletableFuture<?>[7];
        for (int i = 0; i < 7; i++) {
            all[i] = test.bot().accept(typed("U1", String.valueOf(1 + i % 5), "Ev-order-" + i),
                    h -> seen.add(TestBot.render(h.replies())));
        }
        CompletableFuture.allOf(all).join();

        assertThat(seen).hasSize(7);
        for (int i = 0; i < 6; i++) {
            assertThat(seen.get(i)).contains("Stelling " + (i + 2) + " van 7");
        }
        assertThat(seen.get(6)).contains("Je antwoorden");
    }

    @Test
    void aStoredAnswerSaysWhatWasChosen() {
        toFirstStatement();
        List<Handled> handled = new CopyOnWriteArrayList<>();
        test.bot().accept(typed("U1", "4 omdat het zo is", "EvChosen"), handled::add).join();

        assertThat(handled).singleElement().satisfies(h -> assertThat(h.chosen())
                .contains(new Handled.Chosen("statement:cultuur", "4")));
        test.bot().accept(typed("U1", "zes", "EvRefused"), handled::add).join();
        assertThat(handled.get(1).chosen()).as("a refused answer is not shown as chosen").isEmpty();
    }

    @Test
    void aCloseAcceptedAfterASubmitWaitsForItAndTheReportCountsThePartner() throws Exception {
        toFirstStatement();
        for (int i = 0; i < 7; i++) {
            test.dm("U1", "4");
        }
        // the partner's previous event is still being answered (a slow platform) when Versturen
        // and, a moment later, the programme manager's close are acknowledged
        CountDownLatch slowReply = new CountDownLatch(1);
        test.bot().accept(typed("U1", "hoe ver ben ik?", "EvBusy"), h -> await(slowReply));
        List<String> partner = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> submitted = test.bot().accept(typed("U1", "versturen", "EvSubmit"),
                h -> partner.add(TestBot.render(h.replies())));
        List<String> manager = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> closed = test.bot().accept(new InboundEvent.Command(TestBot.user(TestBot.ADMIN),
                Optional.of(TestBot.CHANNEL), "ronde sluit", "EvClose"), h -> manager.add(TestBot.render(h.replies())));
        try {
            closed.get(500, TimeUnit.MILLISECONDS); // without the wait for earlier events it closes at once
        } catch (TimeoutException expected) {
            // it waits for the partner's events accepted before it
        }
        slowReply.countDown();
        CompletableFuture.allOf(submitted, closed).get(20, TimeUnit.SECONDS);

        assertThat(partner).singleElement().satisfies(reply -> assertThat(reply).contains("verstuurd"));
        assertThat(manager).singleElement().satisfies(reply -> assertThat(reply).contains("gesloten"));
        assertThat(test.slack().posts()).anySatisfy(post ->
                assertThat(TestBot.TEXT.render(post.message())).contains("1 van 1 partner heeft gereageerd"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
