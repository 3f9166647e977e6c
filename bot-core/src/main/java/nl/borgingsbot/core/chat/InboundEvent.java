package nl.borgingsbot.core.chat;

import java.util.Optional;
import java.util.UUID;

/**
 * What an adapter hands to the core's single entry point. Adapters translate platform events
 * into one of these and render the returned replies to the author.
 *
 * <p>Every event carries {@link #key()}: the platform's own id of this delivery (Slack's
 * {@code event_id}; for a click the action id, {@code action_ts} and the user; a submitted modal
 * its view id and hash; Teams' activity {@code id}). A retry of the same delivery carries the same
 * key, and the core handles a key once. The constructors without a key give a fresh unique one,
 * for events that cannot be delivered twice (the demo, tests).
 */
public sealed interface InboundEvent {

    ChatUser from();

    /** The channel the event happened in; empty for a direct message. */
    Optional<ChatChannel> channel();

    /** The platform's id of this delivery, the same on every retry of it. */
    String key();

    /** A key no other event has: for an event that has no id of its platform. */
    static String uniqueKey() {
        return "unique:" + UUID.randomUUID();
    }

    /** A person typed text: an answer in the DM, or a command. */
    record TextReply(ChatUser from, Optional<ChatChannel> channel, String text, String key) implements InboundEvent {
        public TextReply(ChatUser from, Optional<ChatChannel> channel, String text) {
            this(from, channel, text, uniqueKey());
        }
    }

    /** A person chose a choice or pressed a button; {@code note} carries an optional toelichting. */
    record ChoiceMade(ChatUser from, Optional<ChatChannel> channel, String actionId, String value,
                      Optional<String> note, String key) implements InboundEvent {
        public ChoiceMade(ChatUser from, Optional<ChatChannel> channel, String actionId, String value,
                          Optional<String> note) {
            this(from, channel, actionId, value, note, uniqueKey());
        }
    }

    /** An explicit command (Slack's /borging, a mention in a Teams channel), without the prefix. */
    record Command(ChatUser from, Optional<ChatChannel> channel, String commandLine, String key) implements InboundEvent {
        public Command(ChatUser from, Optional<ChatChannel> channel, String commandLine) {
            this(from, channel, commandLine, uniqueKey());
        }
    }
}
