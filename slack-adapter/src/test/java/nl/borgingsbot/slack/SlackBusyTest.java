package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;
import nl.borgingsbot.slack.testing.SlackTiers;

/**
 * The core's queue is bounded (issue 11): when it is full, Slack's request is not acknowledged but
 * answered 503, so Slack sends it again; the event sent again is answered once, nothing is lost.
 */
class SlackBusyTest {

    @TempDir
    Path dir;

    @Test
    void aFullCoreAnswers503AndTheEventSentAgainIsAnsweredOnce() throws Exception {
        FakeSlack fake = new FakeSlack();
        try (SlackTestBot test = new SlackTestBot(dir, SlackConnection::new,
                Borgingsbot.Settings.defaults().withWaitingLimit(1), fake)) {
            // Slack takes 3 s to take each reply: the first person's DM waits in the core meanwhile
            fake.tiers(SlackTiers.latencyOnly(Duration.ofSeconds(3)));
            assertThat(test.dm("U1", "hallo")).isEqualTo(200);
            String second = test.dmEvent("EvBusy", "U2", "hallo");

            assertThat(test.send(second, "application/json", Map.of()).statusCode()).isEqualTo(503);

            fake.awaitPosts(FakeSlack.dmChannel("U1"), 1, Duration.ofSeconds(30));
            assertThat(test.bot().awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(test.send(second, "application/json", Map.of()).statusCode()).isEqualTo(200);
            fake.awaitPosts(FakeSlack.dmChannel("U2"), 1, Duration.ofSeconds(30));
            assertThat(test.bot().awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(fake.posts(FakeSlack.dmChannel("U2"))).hasSize(1);
            assertThat(fake.posts(FakeSlack.dmChannel("U1"))).hasSize(1);
        }
    }
}
