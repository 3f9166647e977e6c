package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.slack.testing.FakeSlack;

/**
 * A report whose just uploaded radar Slack does not accept yet ({@code invalid_blocks}): tried
 * again with growing waits for about 30 s, then posted without it, and the image follows in the
 * report's thread once Slack accepts it. The waits are recorded, not slept.
 */
class SlackImageNotReadyTest {

    private final FakeSlack slack;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final SlackGateway gateway;

    SlackImageNotReadyTest() throws Exception {
        slack = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        gateway = new SlackGateway(Slack.getInstance(config).methods("fake-bot-token-for-tests"), new BlockKitRenderer(),
                new RateLimitedCall(waits::add));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    private static Message report() {
        return Message.builder().heading("Borgingscheck Noord")
                .add(new Part.Image(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "radar", "radar.png"))
                .paragraph("Laagst scorende elementen").build();
    }

    @Test
    void anImageThatIsNotReadyWithinHalfAMinuteFollowsInTheThread() {
        slack.imageNotReady(6 + 2); // every try in the first half minute, then two late tries
        PostedMessage posted = gateway.postToChannel(new ChatChannel(SlackGateway.PLATFORM, "T1", "C1"), report());

        List<FakeSlack.Call> posts = slack.awaitPosts("C1", 2);
        assertThat(posts.get(0).visibleText()).contains("Borgingscheck Noord").contains("Laagst scorende");
        assertThat(posts.get(0).blocks().toString()).doesNotContain("slack_file");
        assertThat(posts.get(1).param("thread_ts")).isEqualTo(posted.messageId());
        assertThat(posts.get(1).blocks().toString()).contains("slack_file");
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);
        // growing waits, about 30 s in all before the report went without the image
        List<Duration> first = waits.subList(0, SlackGateway.IMAGE_WAITS.size());
        assertThat(first).isSortedAccordingTo(Duration::compareTo);
        assertThat(first.stream().mapToLong(Duration::toSeconds).sum()).isBetween(25L, 35L);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> !c.ok())).hasSize(8);
    }

    @Test
    void anImageThatIsReadyOnTheThirdTryIsInTheReportItself() {
        slack.imageNotReady(2);
        gateway.postToChannel(new ChatChannel(SlackGateway.PLATFORM, "T1", "C1"), report());
        List<FakeSlack.Call> posts = slack.posts("C1");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).blocks().toString()).contains("slack_file");
        assertThat(waits).hasSize(2);
    }
}
