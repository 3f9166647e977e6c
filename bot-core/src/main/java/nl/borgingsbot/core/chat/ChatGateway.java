package nl.borgingsbot.core.chat;

/**
 * What the core needs from a chat platform. Implemented by each adapter; a failure to deliver
 * is reported as a {@link DeliveryException} with a reason the core can explain to a person.
 */
public interface ChatGateway {

    /** The platform this gateway talks to. */
    Platform platform();

    /** Sends a direct (1:1) message to a person. */
    void sendDirect(ChatUser user, Message message);

    /** Posts a message (possibly with an image) to a channel. */
    PostedMessage postToChannel(ChatChannel channel, Message message);

    /** Replies in the thread of a message the bot posted. */
    void replyInThread(PostedMessage parent, Message message);
}
