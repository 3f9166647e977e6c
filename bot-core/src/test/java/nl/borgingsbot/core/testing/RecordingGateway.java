package nl.borgingsbot.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, DeliveryException> failures = new ConcurrentHashMap<>();

    /** Runs before what was delivered is read: the test bot waits there until its outbox is empty. */
    private volatile Runnable beforeReading = () -> { };

    public RecordingGateway(Platform platform) {
        this.platform = platform;
    }

    /** Waits with {@code settle} before reading what was delivered (messages go out after the command returned). */
    public void settleWith(Runnable settle) {
        this.beforeReading = settle;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public void sendDirect(ChatUser user, Message message) {
        failIfAsked(user.userId());
        directs.add(new Direct(user, message));
    }

    @Override
    public PostedMessage postToChannel(ChatChannel channel, Message message) {
        failIfAsked(channel.channelId());
        PostedMessage posted = new PostedMessage(channel, "msg-" + (posts.size() + 1));
        posts.add(new Post(posted, message));
        return posted;
    }

    @Override
    public void replyInThread(PostedMessage parent, Message message) {
        failIfAsked(parent.channel().channelId());
        replies.add(new ThreadReply(parent, message));
    }

    public void makeUnreachable(String userId) {
        failFor(userId, DeliveryException.Reason.USER_UNREACHABLE, Optional.empty());
    }

    public void removeFromChannel(String channelId) {
        failFor(channelId, DeliveryException.Reason.NOT_IN_CHANNEL, Optional.empty());
    }

    public void rejoinChannel(String channelId) {
        failures.remove(channelId);
    }

    /** Every delivery to this person or channel fails for {@code reason} (until {@link #rejoinChannel}). */
    public void failFor(String userOrChannelId, DeliveryException.Reason reason, Optional<Duration> retryAfter) {
        failures.put(userOrChannelId, new DeliveryException(reason, reason.name().toLowerCase(Locale.ROOT)
                + " for " + userOrChannelId, null, retryAfter));
    }

    private void failIfAsked(String userOrChannelId) {
        DeliveryException failure = failures.get(userOrChannelId);
        if (failure != null) {
            throw new DeliveryException(failure.reason(), failure.getMessage(), null, failure.retryAfter());
        }
    }

    public List<Direct> directs() {
        beforeReading.run();
        return new ArrayList<>(directs);
    }

    public List<Direct> directsTo(String userId) {
        beforeReading.run();
        return directs.stream().filter(d -> d.user().userId().equals(userId)).toList();
    }

    public List<Post> posts() {
        beforeReading.run();
        return new ArrayList<>(posts);
    }

    public List<ThreadReply> replies() {
        beforeReading.run();
        return new ArrayList<>(replies);
    }
}
