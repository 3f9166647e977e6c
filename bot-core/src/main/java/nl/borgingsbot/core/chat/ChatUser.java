package nl.borgingsbot.core.chat;

import java.util.Objects;

/** A person on a chat platform: Slack user id, or Teams AAD object id / user id. */
public record ChatUser(Platform platform, String workspace, String userId) {
    public ChatUser {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(workspace);
        Objects.requireNonNull(userId);
    }
}
