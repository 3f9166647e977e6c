package nl.borgingsbot.core.chat;

import java.util.Optional;

/**
 * What an adapter hands to the core's single entry point. Adapters translate platform events
 * into one of these and render the returned replies to the author.
 */
public sealed interface InboundEvent {

    ChatUser from();

    /** The channel the event happened in; empty for a direct message. */
    Optional<ChatChannel> channel();

    /** A person typed text: an answer in the DM, or a command. */
    record TextReply(ChatUser from, Optional<ChatChannel> channel, String text) implements InboundEvent {
    }

    /** A person chose a choice or pressed a button; {@code note} carries an optional toelichting. */
    record ChoiceMade(ChatUser from, Optional<ChatChannel> channel, String actionId, String value,
                      Optional<String> note) implements InboundEvent {
    }

    /** An explicit command (Slack's /borging, a mention in a Teams channel), without the prefix. */
    record Command(ChatUser from, Optional<ChatChannel> channel, String commandLine) implements InboundEvent {
    }
}
