package nl.borgingsbot.web;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;

/**
 * The core's way into the page: a DM goes to the person's conversation, a channel post to the
 * region channel, a thread reply under its post. Delivery cannot fail: the page is in this process.
 */
public final class WebGateway implements ChatGateway {

    /** This platform, as regions name it ({@code platform: web}). */
    public static final Platform PLATFORM = Platform.of("web");

    private final Transcript transcript;

    public WebGateway(Transcript transcript) {
        this.transcript = transcript;
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public void sendDirect(ChatUser user, Message message) {
        transcript.bot(Transcript.dm(user.userId()), "", "", message);
    }

    @Override
    public PostedMessage postToChannel(ChatChannel channel, Message message) {
        Transcript.Entry entry = transcript.bot(Transcript.CHANNEL, "", "", message);
        return new PostedMessage(channel, String.valueOf(entry.id()));
    }

    @Override
    public void replyInThread(PostedMessage parent, Message message) {
        transcript.bot(Transcript.CHANNEL, parent.messageId(), "", message);
    }
}
