package nl.borgingsbot.teams;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.DeliveryException.Reason;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;

/**
 * The core's {@link ChatGateway} for Microsoft Teams: proactive messages through the Bot
 * Connector, using the conversation references stored when the app was installed.
 *
 * <ul>
 *   <li>A file in a direct message is offered with a file consent card ({@link FileOffers}).</li>
 *   <li>A direct message continues the person's stored 1:1 chat, or creates it (tenant id and the
 *   person's AAD object id); when Teams refuses because the app is not installed for that person,
 *   the core hears {@link Reason#USER_UNREACHABLE} and tells the programme manager.</li>
 *   <li>A channel post starts a new thread in the channel; its activity id is the
 *   {@link PostedMessage#messageId()}, and a reply goes to {@code <channel>;messageid=<id>}.</li>
 * </ul>
 */
public final class TeamsGateway implements ChatGateway {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsGateway.class);
    private static final String THREAD = ";messageid=";

    private final ConversationStore store;
    private final ConnectorClients clients;
    private final FileOffers files;

    public TeamsGateway(ConversationStore store, ConnectorClients clients, FileOffers files) {
        this.store = store;
        this.clients = clients;
        this.files = files;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public void sendDirect(ChatUser user, Message message) {
        ConversationRef ref = store.find(ConversationRef.Kind.PERSONAL, user.workspace(), user.userId())
                .orElseGet(() -> createPersonal(user));
        send(ref.serviceUrl(), ref.conversationId(), files.activity(message), "a direct message",
                status -> status == 403 || status == 404 ? Reason.USER_UNREACHABLE : Reason.OTHER);
    }

    private ConversationRef createPersonal(ChatUser user) {
        ConversationRef known = store.latestIn(user.workspace()).orElseThrow(() -> new DeliveryException(
                Reason.USER_UNREACHABLE, "the app is not installed anywhere in tenant " + user.workspace()));
        ChannelAccount member = new ChannelAccount(user.userId());
        member.setAadObjectId(user.userId());
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(known.botId()));
        parameters.setMembers(List.of(member));
        parameters.setTenantId(user.workspace());
        parameters.setChannelData(tenantData(user.workspace()));
        ConversationResourceResponse created = ConnectorErrors.await(
                client(known.serviceUrl()).getConversations().createConversation(parameters),
                "creating a 1:1 chat", status -> status == 403 || status == 404 || status == 400
                        ? Reason.USER_UNREACHABLE : Reason.OTHER);
        ConversationRef ref = new ConversationRef(ConversationRef.Kind.PERSONAL, user.workspace(), user.userId(),
                serviceUrlOf(created, known), created.getId(), Optional.empty(), known.botId());
        store.save(ref);
        return ref;
    }

    @Override
    public PostedMessage postToChannel(ChatChannel channel, Message message) {
        ConversationRef ref = store.find(ConversationRef.Kind.CHANNEL, channel.workspace(), channel.channelId())
                .orElseThrow(() -> new DeliveryException(Reason.NOT_IN_CHANNEL,
                        "the app is not installed in the team of channel " + channel.channelId()));
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(true);
        parameters.setBot(new ChannelAccount(ref.botId()));
        parameters.setTenantId(channel.workspace());
        ObjectNode data = tenantData(channel.workspace());
        data.putObject("channel").put("id", channel.channelId());
        parameters.setChannelData(data);
        parameters.setActivity(AdaptiveCards.activity(message));
        ConversationResourceResponse created = ConnectorErrors.await(
                client(ref.serviceUrl()).getConversations().createConversation(parameters),
                "posting to a channel", status -> status == 403 ? Reason.NOT_IN_CHANNEL
                        : status == 404 ? Reason.CHANNEL_NOT_FOUND : Reason.OTHER);
        String activityId = created.getActivityId();
        if ((activityId == null || activityId.isBlank()) && created.getId() != null && created.getId().contains(THREAD)) {
            activityId = created.getId().substring(created.getId().indexOf(THREAD) + THREAD.length());
        }
        if (activityId == null || activityId.isBlank()) {
            throw new DeliveryException(Reason.OTHER, "Teams did not say which message it posted");
        }
        return new PostedMessage(channel, activityId);
    }

    @Override
    public void replyInThread(PostedMessage parent, Message message) {
        ChatChannel channel = parent.channel();
        ConversationRef ref = store.find(ConversationRef.Kind.CHANNEL, channel.workspace(), channel.channelId())
                .orElseThrow(() -> new DeliveryException(Reason.NOT_IN_CHANNEL,
                        "the app is not installed in the team of channel " + channel.channelId()));
        Activity reply = AdaptiveCards.activity(message);
        reply.setReplyToId(parent.messageId());
        send(ref.serviceUrl(), channel.channelId() + THREAD + parent.messageId(), reply, "a reply in a thread",
                status -> status == 403 ? Reason.NOT_IN_CHANNEL
                        : status == 404 ? Reason.CHANNEL_NOT_FOUND : Reason.OTHER);
    }

    /** Sends an activity to a conversation; the id Teams gave it. */
    String send(String serviceUrl, String conversationId, Activity activity, String what, ConnectorErrors.Reasons reasons) {
        ResourceResponse response = ConnectorErrors.await(
                client(serviceUrl).getConversations().sendToConversation(conversationId, activity), "sending " + what,
                reasons);
        LOG.debug("sent {} to a Teams conversation", what);
        return response == null ? "" : response.getId();
    }

    private ConnectorClient client(String serviceUrl) {
        return clients.forServiceUrl(serviceUrl);
    }

    private static String serviceUrlOf(ConversationResourceResponse created, ConversationRef known) {
        String url = created.getServiceUrl();
        return url == null || url.isBlank() ? known.serviceUrl() : url;
    }

    private static ObjectNode tenantData(String tenantId) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("tenant").put("id", tenantId);
        return data;
    }
}
