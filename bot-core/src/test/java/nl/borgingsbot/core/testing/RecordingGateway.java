package nl.borgingsbot.core.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;

/**
 * An in-memory chat platform for tests: records every DM, channel post and thread reply, and
 * can be told to fail for a user or a channel the way a real platform does.
 */
public final class RecordingGateway implements ChatGateway {

    public record Direct(ChatUser user, Message message) {
    }

    public record Post(PostedMessage posted, Message message) {
    }

    public record ThreadReply(PostedMessage parent, Message message) {
    }

    private final Platform platform;
    private final List<Direct> directs = new CopyOnWriteArrayList<>();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<ThreadReply> replies = new CopyOnWriteArrayList<>();
    private final Set<String> unreachableUsers = new HashSet<>();
    private final Set<String> channelsWithoutBot = new HashSet<>();

    public RecordingGateway(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public void sendDirect(ChatUser user, Message message) {
        if (unreachableUsers.contains(user.userId())) {
            throw new DeliveryException(DeliveryException.Reason.USER_UNREACHABLE, "app not installed for " + user.userId());
        }
        directs.add(new Direct(user, message));
    }

    @Override
    public PostedMessage postToChannel(ChatChannel channel, Message message) {
        if (channelsWithoutBot.contains(channel.channelId())) {
            throw new DeliveryException(DeliveryException.Reason.NOT_IN_CHANNEL, "not_in_channel");
        }
        PostedMessage posted = new PostedMessage(channel, "msg-" + (posts.size() + 1));
        posts.add(new Post(posted, message));
        return posted;
    }

    @Override
    public void replyInThread(PostedMessage parent, Message message) {
        replies.add(new ThreadReply(parent, message));
    }

    public void makeUnreachable(String userId) {
        unreachableUsers.add(userId);
    }

    public void removeFromChannel(String channelId) {
        channelsWithoutBot.add(channelId);
    }

    public void rejoinChannel(String channelId) {
        channelsWithoutBot.remove(channelId);
    }

    public List<Direct> directs() {
        return new ArrayList<>(directs);
    }

    public List<Direct> directsTo(String userId) {
        return directs.stream().filter(d -> d.user().userId().equals(userId)).toList();
    }

    public List<Post> posts() {
        return new ArrayList<>(posts);
    }

    public List<ThreadReply> replies() {
        return new ArrayList<>(replies);
    }
}
