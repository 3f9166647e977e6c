package nl.borgingsbot.teams;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Handled;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;

/**
 * What the bot does with an authenticated activity from Teams: remember the conversation (on
 * install and on every message, so a moved service URL is followed), and hand a message to the
 * core, which accepts it at once and handles it after the HTTP answer (Teams waits at most 15 s,
 * and a command such as {@code ronde start} writes to every partner). The core handles an activity
 * id once, so a retried activity is harmless. The replies then go out proactively into the
 * conversation of the activity; a card is shown answered (replaced by a read-only one) only once
 * the core says the answer is stored — for a card submit and for a score typed as text alike.
 * Files in a 1:1 chat are offered with a consent card, and uploaded when the person accepts.
 */
public final class TeamsBot {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);
    private static final int REMEMBERED = 1_000;

    private final Borgingsbot core;
    private final InboundMapper mapper;
    private final ConversationStore store;
    private final TeamsGateway gateway;
    private final ConnectorClients clients;
    private final FileOffers files;
    /** The latest card asking each person each question, by "user:questionKey". */
    private final Map<String, Asked> asked = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Asked> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** A question card the bot sent: where, its id, and the question's text. */
    private record Asked(String conversationId, String activityId, String question) {
    }

    public TeamsBot(Borgingsbot core, InboundMapper mapper, ConversationStore store, TeamsGateway gateway,
                    ConnectorClients clients, FileOffers files) {
        this.core = core;
        this.mapper = mapper;
        this.store = store;
        this.gateway = gateway;
        this.clients = clients;
        this.files = files;
    }

    /**
     * Takes one activity: by the time it returns, a message is accepted by the core (its replies
     * follow), and a file consent is answered.
     */
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
        mapper.map(activity).ifPresent(event -> core.accept(event, handled -> deliver(activity, event, handled)));
    }

    /** After the core handled a message: the answered card read-only, then the replies. */
    private void deliver(Activity activity, InboundEvent event, Handled handled) {
        handled.chosen().ifPresent(chosen -> {
            Asked question = asked.remove(event.from().userId() + ":" + chosen.questionKey());
            if (event instanceof InboundEvent.ChoiceMade) {
                showChoice(activity, chosen);
            } else if (question != null) {
                update(activity, question.conversationId(), question.activityId(),
                        AdaptiveCards.chosen(Optional.of(question.question()), chosen.label()));
            }
        });
        boolean personal = InboundMapper.channelOf(activity).isEmpty();
        for (Message reply : handled.replies()) {
            Optional<String> id = answer(activity, personal ? files.activity(reply) : AdaptiveCards.activity(reply));
            if (personal && id.isPresent()) {
                reply.parts().stream().filter(Part.ChoiceQuestion.class::isInstance).map(Part.ChoiceQuestion.class::cast)
                        .forEach(q -> asked.put(event.from().userId() + ":" + q.questionKey(), new Asked(
                                activity.getConversation().getId(), id.get(), q.text())));
            }
        }
    }

    /** Sends an answer into the conversation (and thread) of the activity; the id Teams gave it. */
    private Optional<String> answer(Activity activity, Activity answer) {
        answer.setReplyToId(activity.getId());
        try {
            return Optional.ofNullable(gateway.send(activity.getServiceUrl(), mapper.tenantOf(activity),
                    activity.getConversation().getId(), answer, "a reply", status -> DeliveryException.Reason.OTHER));
        } catch (DeliveryException e) {
            LOG.warn("Could not answer in Teams: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Replaces the clicked card by a read-only one showing the choice, so it cannot be answered twice. */
    private void showChoice(Activity activity, Handled.Chosen chosen) {
        if (activity.getReplyToId() == null) {
            return;
        }
        JsonNode data = InboundMapper.submitted(activity).orElseThrow();
        String question = data.path(AdaptiveCards.QUESTION).asText("");
        String label = chosen.label().isEmpty() ? data.path(AdaptiveCards.LABEL).asText("") : chosen.label();
        update(activity, activity.getConversation().getId(), activity.getReplyToId(),
                AdaptiveCards.chosen(question.isBlank() ? Optional.empty() : Optional.of(question), label));
    }

    /** Replaces a card the bot sent in the conversation of {@code activity}. */
    private void update(Activity activity, String conversationId, String activityId, Activity update) {
        update.setId(activityId);
        update.setConversation(activity.getConversation());
        try {
            gateway.update(activity.getServiceUrl(), mapper.tenantOf(activity), conversationId, activityId, update);
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
