package nl.borgingsbot.teams;

import java.util.Objects;
import java.util.Optional;

/**
 * What the bot needs to message a person or a channel without being spoken to: where the Bot
 * Connector of that tenant is ({@code serviceUrl}), the conversation, and the bot's own id there.
 *
 * @param kind           a person's 1:1 chat or a channel
 * @param tenantId       the Microsoft 365 tenant
 * @param key            the person's AAD object id, or the channel id
 * @param serviceUrl     the Bot Connector service to call
 * @param conversationId the conversation to post in
 * @param teamsUserId    the person's Teams user id ({@code 29:…}), when known
 * @param botId          the bot's id in that conversation ({@code 28:…})
 */
public record ConversationRef(Kind kind, String tenantId, String key, String serviceUrl, String conversationId,
                              Optional<String> teamsUserId, String botId) {

    /** A person's 1:1 chat with the bot, or a channel. */
    public enum Kind {
        PERSONAL, CHANNEL
    }

    public ConversationRef {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(key);
        Objects.requireNonNull(serviceUrl);
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(teamsUserId);
        Objects.requireNonNull(botId);
    }
}
