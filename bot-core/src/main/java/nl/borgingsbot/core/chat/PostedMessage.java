package nl.borgingsbot.core.chat;

/** A reference to a message the bot posted, so it can reply in its thread or update it. */
public record PostedMessage(ChatChannel channel, String messageId) {
}
