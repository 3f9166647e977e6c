package nl.borgingsbot.core.chat;

import java.util.Objects;

/** A channel on a chat platform (Slack channel id, Teams channel/conversation id). */
public record ChatChannel(Platform platform, String workspace, String channelId) {
    public ChatChannel {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(workspace);
        Objects.requireNonNull(channelId);
    }
}
