package nl.borgingsbot.teams;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.chat.RateLimits;
import nl.borgingsbot.core.chat.RateLimits.Rule;
import nl.borgingsbot.core.chat.RateLimits.Scope;
import nl.borgingsbot.core.chat.RateLimits.Window;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;

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
 *   <li>A channel post or thread reply too large for one card goes as several, in order (the rest
 *   of a post in its thread); an image is made to fit the Bot Service's 256 KB a request, and when
 *   Teams still refuses it, it comes by link or is left out with a sentence on how to get it.</li>
 *   <li>Every call keeps to Teams' rate limits ({@link #TENANT}, {@link #CONVERSATION}) through the
 *   shared {@link RateLimits}: in the tenant's scope and, when it goes to a conversation, in that
 *   conversation's too. Teams' 429 does not say which limit was hit, so it pauses the tenant.</li>
 * </ul>
 */
public final class TeamsGateway implements ChatGateway {

    /** This platform, as regions name it ({@code platform: teams}). */
    public static final Platform PLATFORM = Platform.of("teams");

    private static final Logger LOG = LoggerFactory.getLogger(TeamsGateway.class);
    private static final String THREAD = ";messageid=";
    /** The Bot Service refuses a request larger than this (413, MessageSizeTooBig). */
    static final int REQUEST_LIMIT = 256 * 1024;
    /** The most an inline PNG may take: as base64, beside a full card, it stays under the request limit. */
    static final int INLINE_IMAGE_LIMIT = (REQUEST_LIMIT - AdaptiveCards.CARD_LIMIT - 8 * 1024) / 4 * 3;
    /**
     * Teams' limit per app per tenant: 50 requests a second over all its conversations (Microsoft
     * Learn, "Optimize your bot with rate limiting in Teams"; docs/benchmarks.md).
     */
    static final Rule TENANT = Rule.atMost(50, Duration.ofSeconds(1));
    /** Teams' limits per bot per conversation (thread): 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour; one call at a time. */
    static final Rule CONVERSATION = new Rule(1, List.of(new Window(7, Duration.ofSeconds(1)),
            new Window(8, Duration.ofSeconds(2)), new Window(60, Duration.ofSeconds(30)), new Window(1800, Duration.ofHours(1))));

    private final ConversationStore store;
    private final ConnectorClients clients;
    private final FileOffers files;
    private final ImageLinks links;
    private final Texts texts = Texts.of(Region.DUTCH);
    private final RateLimits limits;

    public TeamsGateway(ConversationStore store, ConnectorClients clients, FileOffers files) {
        this(store, clients, files, ImageLinks.none());
    }

    public TeamsGateway(ConversationStore store, ConnectorClients clients, FileOffers files, ImageLinks links) {
        this(store, clients, files, links, new RateLimits((scope, wait) -> { }));
    }

    /**
     * @param limits the rate limits, shared by every thread: a 429 (or 412/502/503/504) from the
     *               Bot Connector pauses the tenant for everyone until its {@code Retry-After} has passed
     */
    public TeamsGateway(ConversationStore store, ConnectorClients clients, FileOffers files, ImageLinks links,
                        RateLimits limits) {
        this.store = store;
        this.clients = clients;
        this.files = files;
        this.links = links;
        this.limits = limits;
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public void sendDirect(ChatUser user, Message message) {
        ConversationRef ref = store.find(ConversationRef.Kind.PERSONAL, user.workspace(), user.userId())
                .orElseGet(() -> createPersonal(user));
        // a message with files goes as one activity with the file offers; any other is split as it needs
        List<Activity> activities = message.parts().stream().anyMatch(Part.File.class::isInstance)
                ? List.of(files.activity(message))
                : AdaptiveCards.activities(message, image -> Optional.of(AdaptiveCards.dataUri(image.png())));
        for (Activity activity : activities) {
            send(ref.serviceUrl(), ref.tenantId(), ref.conversationId(), activity, "a direct message",
                    status -> status == 403 || status == 404 ? Reason.USER_UNREACHABLE : Reason.OTHER);
        }
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
        // one creation of a person's chat at a time, so that two deliveries to them do not race (412)
        List<Scope> scopes = List.of(tenant(user.workspace()),
                Scope.oneAtATime("chat with " + user.userId() + " in " + user.workspace()));
        ConversationResourceResponse created = limits.call(scopes, () -> ConnectorErrors.await(
                client(known.serviceUrl()).getConversations().createConversation(parameters),
                "creating a 1:1 chat", status -> status == 403 || status == 404 || status == 400
                        ? Reason.USER_UNREACHABLE : Reason.OTHER));
        ConversationRef ref = new ConversationRef(ConversationRef.Kind.PERSONAL, user.workspace(), user.userId(),
                serviceUrlOf(created, known), created.getId(), Optional.empty(), known.botId());
        store.save(ref);
        return ref;
    }

    @Override
    public PostedMessage postToChannel(ChatChannel channel, Message message) {
        ConversationRef ref = channelRef(channel);
        return withImageThatFits(message, activities -> {
            PostedMessage posted = startThread(ref, channel, activities.get(0));
            activities.subList(1, activities.size()).forEach(rest -> reply(ref, posted, rest));
            return posted;
        });
    }

    private PostedMessage startThread(ConversationRef ref, ChatChannel channel, Activity activity) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(true);
        parameters.setBot(new ChannelAccount(ref.botId()));
        parameters.setTenantId(channel.workspace());
        ObjectNode data = tenantData(channel.workspace());
        data.putObject("channel").put("id", channel.channelId());
        parameters.setChannelData(data);
        parameters.setActivity(activity);
        ConversationResourceResponse created = limits.call(scopes(channel.workspace(), channel.channelId()), () -> ConnectorErrors.await(
                client(ref.serviceUrl()).getConversations().createConversation(parameters),
                "posting to a channel", status -> status == 403 ? Reason.NOT_IN_CHANNEL
                        : status == 404 ? Reason.CHANNEL_NOT_FOUND : Reason.OTHER));
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
        ConversationRef ref = channelRef(parent.channel());
        withImageThatFits(message, activities -> {
            activities.forEach(activity -> reply(ref, parent, activity));
            return parent;
        });
    }

    private void reply(ConversationRef ref, PostedMessage parent, Activity reply) {
        reply.setReplyToId(parent.messageId());
        send(ref.serviceUrl(), ref.tenantId(), parent.channel().channelId() + THREAD + parent.messageId(), reply,
                "a reply in a thread",
                status -> status == 403 ? Reason.NOT_IN_CHANNEL
                        : status == 404 ? Reason.CHANNEL_NOT_FOUND : Reason.OTHER);
    }

    private ConversationRef channelRef(ChatChannel channel) {
        return store.find(ConversationRef.Kind.CHANNEL, channel.workspace(), channel.channelId())
                .orElseThrow(() -> new DeliveryException(Reason.NOT_IN_CHANNEL,
                        "the app is not installed in the team of channel " + channel.channelId()));
    }

    /**
     * Sends a message as cards that Teams accepts, never dropping it: its image inline when it can
     * be made to fit ({@link TeamsImages}); when it cannot, or Teams still answers 413, the image by
     * link from the bot's own endpoint ({@link ImageLinks}, with {@code BORGING_PUBLIC_URL}),
     * otherwise the message without the image and a sentence on how to get it.
     */
    private PostedMessage withImageThatFits(Message message, Function<List<Activity>, PostedMessage> send) {
        Optional<Part.Image> image = message.image();
        if (image.isEmpty()) {
            return send.apply(AdaptiveCards.activities(message, i -> Optional.empty()));
        }
        Optional<byte[]> inline = TeamsImages.fit(image.get().png(), INLINE_IMAGE_LIMIT);
        if (inline.isPresent()) {
            try {
                return send.apply(AdaptiveCards.activities(message, i -> Optional.of(AdaptiveCards.dataUri(inline.get()))));
            } catch (DeliveryException e) {
                if (ConnectorErrors.status(e.getCause()).filter(status -> status == 413).isEmpty()) {
                    throw e;
                }
            }
        }
        LOG.warn("Teams does not take the image of {} inline ({} KB); sending it {}", image.get().fileName(),
                inline.orElse(image.get().png()).length / 1024, links.enabled() ? "by link" : "without it");
        Optional<String> link = links.link(image.get().png());
        if (link.isPresent()) {
            return send.apply(AdaptiveCards.activities(message, i -> link));
        }
        List<Part> parts = message.parts().stream()
                .map(part -> part instanceof Part.Image ? new Part.Paragraph(texts.get("teams.report.imageTooLarge")) : part)
                .toList();
        return send.apply(AdaptiveCards.activities(new Message(parts), i -> Optional.empty()));
    }

    /** Sends an activity to a conversation of {@code tenantId}; the id Teams gave it. */
    String send(String serviceUrl, String tenantId, String conversationId, Activity activity, String what,
                ConnectorErrors.Reasons reasons) {
        ResourceResponse response = limits.call(scopes(tenantId, conversationId), () -> ConnectorErrors.await(
                client(serviceUrl).getConversations().sendToConversation(conversationId, activity), "sending " + what,
                reasons));
        LOG.debug("sent {} to a Teams conversation", what);
        return response == null ? "" : response.getId();
    }

    /** Replaces an activity the bot sent (a clicked card made read-only), limited as a send to that conversation. */
    void update(String serviceUrl, String tenantId, String conversationId, String activityId, Activity update) {
        limits.call(scopes(tenantId, conversationId), () -> ConnectorErrors.await(
                client(serviceUrl).getConversations().updateActivity(conversationId, activityId, update),
                "updating a card", status -> Reason.OTHER));
    }

    /** The scopes of a call to a conversation: its tenant, then the conversation (a channel's threads share the channel's). */
    private static List<Scope> scopes(String tenantId, String conversationId) {
        int thread = conversationId.indexOf(THREAD);
        String conversation = thread < 0 ? conversationId : conversationId.substring(0, thread);
        return List.of(tenant(tenantId), new Scope("conversation " + conversation, CONVERSATION));
    }

    private static Scope tenant(String tenantId) {
        return new Scope("tenant " + tenantId, TENANT);
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
