package nl.borgingsbot.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Handled;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.store.Database;

/**
 * The entry point's queue is bounded: with {@code waitingLimit} events waiting (their platform API
 * slow to answer), the next one is refused at the door — not queued without end — and taken again
 * once the queue has room; nothing accepted is lost.
 */
class InboxLimitTest {

    @TempDir
    Path dir;

    private Database database;
    private Inbox inbox;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("inbox.db"), "", "");
        inbox = new Inbox(database.repositories().handledEvents(), Clock.systemUTC(), 2, 3);
    }

    @AfterEach
    void close() {
        inbox.close();
        database.close();
    }

    private static InboundEvent.TextReply typed(String user, String key) {
        return new InboundEvent.TextReply(new ChatUser(Platform.of("slack"), "T1", user), Optional.empty(), "hoi", key);
    }

    @Test
    void aFullQueueRefusesTheNextEventAndTakesItAgainOnceThereIsRoom() throws Exception {
        CountDownLatch slowPlatform = new CountDownLatch(1);
        List<String> answered = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> accepted = new java.util.ArrayList<>();
        for (String user : List.of("U1", "U2", "U3")) {
            accepted.add(inbox.accept(typed(user, "Ev-" + user), false, event -> new Handled(List.of(), Optional.empty()),
                    handled -> {
                        await(slowPlatform);
                        answered.add(user);
                    }));
        }

        assertThatThrownBy(() -> inbox.accept(typed("U4", "Ev-U4"), false, event -> new Handled(List.of(), Optional.empty()), h -> answered.add("U4")))
                .isInstanceOf(Inbox.Busy.class)
                .hasMessageContaining("3 events are waiting");

        slowPlatform.countDown();
        CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        // the platform sends the refused event again: now it is taken, and it was not marked as handled before
        inbox.accept(typed("U4", "Ev-U4"), false, event -> new Handled(List.of(), Optional.empty()), h -> answered.add("U4")).get(20, TimeUnit.SECONDS);
        assertThat(answered).containsExactlyInAnyOrder("U1", "U2", "U3", "U4");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
