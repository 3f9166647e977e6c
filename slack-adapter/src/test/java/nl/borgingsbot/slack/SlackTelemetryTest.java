package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.telemetry.Telemetry;
import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;

/**
 * The Slack connection tells the operator's telemetry every ack (its latency) and every HTTP 429
 * it waited out (and how long), against the fake Slack over real HTTP.
 */
class SlackTelemetryTest {

    @TempDir
    Path dir;

    /** Records what the connection reports. */
    static final class Recorder implements Telemetry {
        final List<Duration> waits = new CopyOnWriteArrayList<>();
        final List<Duration> acks = new CopyOnWriteArrayList<>();

        @Override
        public void rateLimited(String platform, Duration waited) {
            assertThat(platform).isEqualTo("slack");
            waits.add(waited);
        }

        @Override
        public void acknowledged(String platform, Duration latency) {
            assertThat(platform).isEqualTo("slack");
            acks.add(latency);
        }
    }

    @Test
    void acksAndRateLimitsAreReported() throws Exception {
        Recorder recorder = new Recorder();
        try (SlackTestBot test = new SlackTestBot(dir, settings -> new SlackConnection(settings, recorder))) {
            FakeSlack slack = test.slack();
            test.commandAndWait(SlackTestBot.ADMIN, "regio koppel Noord");
            test.commandAndWait(SlackTestBot.ADMIN, "partner toevoegen <@U1|u1> Organisatie U1");
            test.commandAndWait(SlackTestBot.ADMIN, "ronde start 7-12-2026");
            slack.awaitPosts(FakeSlack.dmChannel("U1"), 1);
            assertThat(recorder.acks).hasSizeGreaterThanOrEqualTo(3);
            assertThat(recorder.waits).isEmpty();

            slack.rateLimit("chat.postMessage", 2);
            test.dmAndWait("U1", "start");
            assertThat(recorder.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        }
    }
}
