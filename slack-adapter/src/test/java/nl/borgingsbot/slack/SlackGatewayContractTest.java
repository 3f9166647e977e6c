package nl.borgingsbot.slack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatGatewayContract;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.slack.testing.FakeSlack;

/** The Slack gateway over real HTTP against the fake Slack Web API keeps the ChatGateway contract. */
class SlackGatewayContractTest extends ChatGatewayContract {

    private final ChatUser person = new ChatUser(SlackGateway.PLATFORM, FakeSlack.TEAM, "U1");
    private final ChatChannel channel = new ChatChannel(SlackGateway.PLATFORM, FakeSlack.TEAM, "C1");
    private FakeSlack slack;
    private SlackGateway gateway;

    @BeforeEach
    void start() throws IOException {
        slack = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        // the waits between attempts pass at once: the test checks what the platform answers, not the timing
        gateway = new SlackGateway(Slack.getInstance(config).methods("fake-bot-token-for-tests"), new BlockKitRenderer(),
                new RateLimitedCall(wait -> { }));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Override
    protected ChatGateway gateway() {
        return gateway;
    }

    @Override
    protected ChatUser person() {
        return person;
    }

    @Override
    protected ChatChannel channel() {
        return channel;
    }

    /** Each message posted (its image blocks counted) and each file shared in a conversation, as Slack got them. */
    @Override
    protected List<Received> received() {
        Map<String, String> fileNames = new HashMap<>();
        List<Received> received = new ArrayList<>();
        for (FakeSlack.Call call : slack.calls()) {
            if (!call.ok()) {
                continue;
            }
            switch (call.method()) {
                case "files.getUploadURLExternal" -> fileNames.put(
                        JsonParser.parseString(call.answer()).getAsJsonObject().get("file_id").getAsString(),
                        call.param("filename"));
                case "chat.postMessage" -> {
                    int images = 0;
                    for (JsonElement block : call.blocks()) {
                        images += block.getAsJsonObject().get("type").getAsString().equals("image") ? 1 : 0;
                    }
                    received.add(new Received(to(call.param("channel")), thread(call), call.visibleText(), images, List.of()));
                }
                case "files.completeUploadExternal" -> {
                    if (!call.param("channel_id").isEmpty()) {
                        List<String> names = new ArrayList<>();
                        JsonParser.parseString(call.param("files")).getAsJsonArray()
                                .forEach(f -> names.add(fileNames.get(f.getAsJsonObject().get("id").getAsString())));
                        received.add(new Received(to(call.param("channel_id")), thread(call),
                                call.param("initial_comment"), 0, names));
                    }
                }
                default -> {
                }
            }
        }
        return received;
    }

    private String to(String slackChannel) {
        return slackChannel.equals(FakeSlack.dmChannel(person.userId())) ? toUser(person.userId()) : toChannel(slackChannel);
    }

    private static Optional<String> thread(FakeSlack.Call call) {
        return Optional.of(call.param("thread_ts")).filter(ts -> !ts.isEmpty());
    }

    @Override
    protected boolean fail(Failure failure) {
        String dm = FakeSlack.dmChannel(person.userId());
        switch (failure) {
            case USER_GONE -> slack.fail("chat.postMessage", dm, "account_inactive");
            case USER_UNREACHABLE -> slack.fail("chat.postMessage", dm, "messages_tab_disabled");
            case NOT_IN_CHANNEL -> slack.fail("chat.postMessage", channel.channelId(), "not_in_channel");
            case CHANNEL_NOT_FOUND -> slack.fail("chat.postMessage", channel.channelId(), "channel_not_found");
            case THROTTLED -> slack.rateLimit("chat.postMessage", dm, 100, (int) RETRY_AFTER.toSeconds());
        }
        return true;
    }
}
