package nl.borgingsbot.teams;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;

/**
 * What the bot does with an authenticated activity from Teams: remember the conversation (on
 * install and on every message, so a moved service URL is followed), hand a message to the core,
 * replace a clicked card by a read-only one, and answer in the same conversation (files in a 1:1
 * chat offered with a consent card, and uploaded when the person accepts).
 */
public final class TeamsBot {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);

    private final Borgingsbot core;
    private final InboundMapper mapper;
    private final ConversationStore store;
    private final TeamsGateway gateway;
    private final ConnectorClients clients;
    private final FileOffers files;

    public TeamsBot(Borgingsbot core, InboundMapper mapper, ConversationStore store, TeamsGateway gateway,
                    ConnectorClients clients, FileOffers files) {
        this.core = core;
        this.mapper = mapper;
        this.store = store;
        this.gateway = gateway;
        this.clients = clients;
        this.files = files;
    }

    /** Handles one activity; by the time it returns, every reply has been sent. */
    public void onActivity(Activity activity) {
        if (activity.getServiceUrl() == null || activity.getConversation() == null) {
            return;
        }
        remember(activity);
        if (FileOffers.isConsent(activity)) {
            files.onConsent(activity).ifPresent(shown -> answer(activity, shown));
            return;
        }
        if (!ActivityTypes.MESSAGE.equals(activity.getType())) {
            return;
        }
        Optional<InboundEvent> event = mapper.map(activity);
        if (event.isEmpty()) {
            return;
        }
        if (event.get() instanceof InboundEvent.ChoiceMade) {
            showChoice(activity);
        }
        List<Message> replies = core.handle(event.get());
        boolean personal = InboundMapper.channelOf(activity).isEmpty();
        for (Message reply : replies) {
            answer(activity, personal ? files.activity(reply) : AdaptiveCards.activity(reply));
        }
    }

    /** Sends an answer into the conversation (and thread) of the activity. */
    private void answer(Activity activity, Activity answer) {
        answer.setReplyToId(activity.getId());
        try {
            gateway.send(activity.getServiceUrl(), activity.getConversation().getId(), answer, "a reply",
                    status -> DeliveryException.Reason.OTHER);
        } catch (DeliveryException e) {
            LOG.warn("Could not answer in Teams: {}", e.getMessage());
        }
    }

    /** Replaces the clicked card by a read-only one showing the choice, so it cannot be answered twice. */
    private void showChoice(Activity activity) {
        if (activity.getReplyToId() == null) {
            return;
        }
        JsonNode data = InboundMapper.submitted(activity).orElseThrow();
        String question = data.path(AdaptiveCards.QUESTION).asText("");
        Activity update = AdaptiveCards.chosen(question.isBlank() ? Optional.empty() : Optional.of(question),
                data.path(AdaptiveCards.LABEL).asText(""));
        update.setId(activity.getReplyToId());
        update.setConversation(activity.getConversation());
        try {
            ConnectorErrors.await(clients.forServiceUrl(activity.getServiceUrl()).getConversations()
                            .updateActivity(activity.getConversation().getId(), activity.getReplyToId(), update),
                    "updating a card", status -> DeliveryException.Reason.OTHER);
        } catch (DeliveryException e) {
            LOG.warn("Could not update a card in Teams: {}", e.getMessage());
        }
    }

    /** The app was uninstalled: nothing to remember (a later message would fail and be reported). */
    private static boolean removed(Activity activity) {
        return ActivityTypes.INSTALLATION_UPDATE.equals(activity.getType())
                && activity.getAction() != null && activity.getAction().startsWith("remove");
    }

    /** Stores where this person's 1:1 chat, or this channel, is. */
    private void remember(Activity activity) {
        ChannelAccount bot = activity.getRecipient();
        ChannelAccount from = activity.getFrom();
        if (bot == null || bot.getId() == null || removed(activity)) {
            return;
        }
        String tenant = mapper.tenantOf(activity);
        Optional<String> channel = InboundMapper.channelOf(activity);
        if (channel.isPresent()) {
            store.save(new ConversationRef(ConversationRef.Kind.CHANNEL, tenant, channel.get(),
                    activity.getServiceUrl(), channel.get(), Optional.empty(), bot.getId()));
        } else if (from != null && from.getId() != null) {
            store.save(new ConversationRef(ConversationRef.Kind.PERSONAL, tenant, InboundMapper.userIdOf(from),
                    activity.getServiceUrl(), activity.getConversation().getId(), Optional.of(from.getId()),
                    bot.getId()));
        }
    }
}
