package nl.borgingsbot.teams;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.Serialization;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.InboundEvent;

/**
 * Turns a Teams message activity into the core's {@link InboundEvent}.
 *
 * <ul>
 *   <li>Text in the 1:1 chat: a {@link InboundEvent.TextReply} without a channel.</li>
 *   <li>Text in a channel or group chat (it reaches the bot only when it mentions the bot): the
 *   bot's mention is removed, every other mention of a person becomes the core's neutral
 *   {@code @{aadObjectId|Name}} ({@link nl.borgingsbot.core.chat.Mention}), and it goes to the core with its channel, as a command.</li>
 *   <li>An Adaptive Card Action.Submit: a {@link InboundEvent.ChoiceMade} with the action id and
 *   value the card carried, and the toelichting typed in the card as the note.</li>
 * </ul>
 * People are identified by tenant id and AAD object id; the event's key is the activity id.
 */
public final class InboundMapper {

    private static final Pattern AT_TAG = Pattern.compile("<at>[^<]*</at>");

    /** Finds a person's AAD object id from their Teams user id, when a mention does not carry it. */
    @FunctionalInterface
    public interface Members {
        Optional<String> aadObjectId(Activity activity, String teamsUserId);
    }

    private final Members members;
    private final String fallbackTenant;

    /**
     * @param members        looks up a mentioned person
     * @param fallbackTenant the tenant for activities that carry none (the local emulator)
     */
    public InboundMapper(Members members, String fallbackTenant) {
        this.members = members;
        this.fallbackTenant = fallbackTenant;
    }

    /** The core event of an activity; empty for anything that is not a message for the core. */
    public Optional<InboundEvent> map(Activity activity) {
        if (!ActivityTypes.MESSAGE.equals(activity.getType()) || activity.getFrom() == null) {
            return Optional.empty();
        }
        ChatUser from = new ChatUser(TeamsGateway.PLATFORM, tenantOf(activity), userIdOf(activity.getFrom()));
        Optional<ChatChannel> channel = channelOf(activity).map(id -> new ChatChannel(TeamsGateway.PLATFORM, from.workspace(), id));
        Optional<JsonNode> submit = submitted(activity);
        if (submit.isPresent()) {
            JsonNode data = submit.get();
            String note = data.path(AdaptiveCards.NOTE).asText("").strip();
            return Optional.of(new InboundEvent.ChoiceMade(from, channel, data.get(AdaptiveCards.ACTION_ID).asText(),
                    data.path(AdaptiveCards.VALUE).asText(""), note.isEmpty() ? Optional.empty() : Optional.of(note),
                    keyOf(activity)));
        }
        String text = activity.getText() == null ? "" : activity.getText();
        if (channel.isPresent()) {
            text = withMentions(activity, text);
        }
        return Optional.of(new InboundEvent.TextReply(from, channel, text.strip(), keyOf(activity)));
    }

    /** The core's key of an activity: its id, the same when Teams sends it again. */
    static String keyOf(Activity activity) {
        return notBlank(activity.getId()) ? "activity:" + activity.getId() : InboundEvent.uniqueKey();
    }

    /** The data of an Action.Submit from one of our cards, if this is one. */
    static Optional<JsonNode> submitted(Activity activity) {
        if (activity.getValue() == null) {
            return Optional.empty();
        }
        JsonNode value = Serialization.objectToTree(activity.getValue());
        return value.hasNonNull(AdaptiveCards.ACTION_ID) ? Optional.of(value) : Optional.empty();
    }

    private String withMentions(Activity activity, String text) {
        String result = text;
        String botId = activity.getRecipient() == null ? "" : activity.getRecipient().getId();
        List<Mention> mentions = activity.getMentions();
        for (Mention mention : mentions) {
            ChannelAccount who = mention.getMentioned();
            if (who == null || mention.getText() == null) {
                continue;
            }
            if (who.getId() != null && who.getId().equals(botId)) {
                result = result.replace(mention.getText(), " ");
            } else {
                String aad = who.getAadObjectId() != null ? who.getAadObjectId()
                        : members.aadObjectId(activity, who.getId()).orElse(who.getId());
                result = result.replace(mention.getText(), nl.borgingsbot.core.chat.Mention.of(aad, who.getName()).text());
            }
        }
        // a mention of the bot that came without its entity
        return AT_TAG.matcher(result).replaceAll(" ").replace("&nbsp;", " ").strip();
    }

    /** The tenant of an activity: the conversation's, else the Teams channel data's. */
    String tenantOf(Activity activity) {
        if (activity.getConversation() != null && notBlank(activity.getConversation().getTenantId())) {
            return activity.getConversation().getTenantId();
        }
        String fromData = channelData(activity).path("tenant").path("id").asText("");
        return fromData.isBlank() ? fallbackTenant : fromData;
    }

    /** A person's stable id: the AAD object id (the emulator has none and gets its user id). */
    static String userIdOf(ChannelAccount account) {
        return notBlank(account.getAadObjectId()) ? account.getAadObjectId() : account.getId();
    }

    /** The channel (or group chat) an activity happened in; empty in the 1:1 chat. */
    static Optional<String> channelOf(Activity activity) {
        if (activity.getConversation() == null) {
            return Optional.empty();
        }
        String type = activity.getConversation().getConversationType();
        if (type == null || "personal".equals(type)) {
            return Optional.empty();
        }
        String channelId = channelData(activity).path("channel").path("id").asText("");
        if (!channelId.isBlank()) {
            return Optional.of(channelId);
        }
        return Optional.of(withoutThread(activity.getConversation().getId()));
    }

    /** The conversation of an activity without its thread: where its members are listed. */
    public static String withoutThreadOf(Activity activity) {
        return withoutThread(activity.getConversation().getId());
    }

    static String withoutThread(String conversationId) {
        int thread = conversationId.indexOf(";messageid=");
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    static JsonNode channelData(Activity activity) {
        return activity.getChannelData() == null ? Serialization.createObjectNode()
                : Serialization.objectToTree(activity.getChannelData());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
