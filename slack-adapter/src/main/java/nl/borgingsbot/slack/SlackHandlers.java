package nl.borgingsbot.slack;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Handled;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;

/**
 * Slack events to core events, and the core's replies back to the person: {@code /borging} runs a
 * command (replies only the caller sees), text in the DM is a {@link InboundEvent.TextReply}, a
 * button is a {@link InboundEvent.ChoiceMade}, and so is a submitted toelichting modal (the choice
 * with its note). Opening the App Home publishes the person's home page from the core.
 *
 * <p>Every handler only parses and hands the event to the core ({@link Borgingsbot#accept}) before
 * it acks; the core handles it after the ack, once per Slack key (an event's {@code event_id}; for a click
 * the message, action id, value and user; for a modal its view id and hash), per person in
 * order. A question is shown as answered (its buttons replaced by "✔ 4 · helemaal wel") only once
 * the core says the answer is stored — for a click and for a score typed as text alike.
 */
public final class SlackHandlers {

    /** The slash command, as in the manifest. */
    public static final String COMMAND = "/borging";
    private static final Logger LOG = LoggerFactory.getLogger(SlackHandlers.class);
    private static final int REMEMBERED = 1_000;
    private static final String PAYLOAD = "payload=";

    private final Borgingsbot bot;
    private final SlackGateway gateway;
    private final SlackApi api;
    private final BlockKitRenderer renderer;
    private final Executor pool;
    private final Gson json = GsonFactory.createSnakeCase();
    /** The question a toelichting modal was opened from, by "channel:ts". */
    private final Map<String, List<LayoutBlock>> questions = bounded();
    /** The latest message asking each person each question, by "user:questionKey". */
    private final Map<String, Asked> asked = bounded();

    /** A question the bot posted: where, and what it showed. */
    private record Asked(String channel, String ts, Message message) {
    }

    SlackHandlers(Borgingsbot bot, SlackGateway gateway, SlackApi api, BlockKitRenderer renderer, Executor pool) {
        this.bot = bot;
        this.gateway = gateway;
        this.api = api;
        this.renderer = renderer;
        this.pool = pool;
    }

    private static <V> Map<String, V> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    /** Registers the handlers on a Bolt app. */
    void register(App app) {
        app.command(COMMAND, (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            ChatUser user = new ChatUser(SlackGateway.PLATFORM, p.getTeamId(), p.getUserId());
            // Slack does not retry a slash command (it tells the person it failed): every one is new
            InboundEvent event = new InboundEvent.Command(user, channel(p.getTeamId(), p.getChannelId()),
                    SlackText.neutralMentions(Optional.ofNullable(p.getText()).orElse("")));
            bot.accept(event, handled -> answerCommand(p, handled));
            return ctx.ack();
        });
        app.event(MessageEvent.class, (req, ctx) -> {
            MessageEvent event = req.getEvent();
            if (isFromPerson(event)) {
                String team = Optional.ofNullable(req.getTeamId()).orElse(event.getTeam());
                ChatUser user = new ChatUser(SlackGateway.PLATFORM, team, event.getUser());
                InboundEvent reply = new InboundEvent.TextReply(user, Optional.empty(),
                        SlackText.unescape(SlackText.neutralMentions(event.getText())), key("event", req.getEventId()));
                bot.accept(reply, handled -> answerText(user, event.getChannel(), handled));
            }
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            AppHomeOpenedEvent event = req.getEvent();
            if ("home".equals(event.getTab()) && event.getUser() != null) {
                ChatUser user = new ChatUser(SlackGateway.PLATFORM, Optional.ofNullable(req.getTeamId()).orElse(""), event.getUser());
                pool.execute(() -> publishHome(user));
            }
            return ctx.ack();
        });
        app.blockAction(Pattern.compile(".+"), (req, ctx) -> {
            onClick(req.getPayload());
            return ctx.ack();
        });
        app.viewSubmission(NoteDialog.ACTION, (req, ctx) -> {
            var p = req.getPayload();
            Optional<NoteDialog.Submission> submission = NoteDialog.submission(p.getView());
            if (submission.isPresent()) {
                String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
                ChatUser user = new ChatUser(SlackGateway.PLATFORM, team, p.getUser().getId());
                NoteDialog.Submission s = submission.get();
                InboundEvent.ChoiceMade choice = new InboundEvent.ChoiceMade(user, Optional.empty(),
                        s.choice().actionId(), s.choice().value(),
                        s.note().isEmpty() ? Optional.empty() : Optional.of(s.note()),
                        key("view", p.getView().getId(), p.getView().getHash()));
                bot.accept(choice, handled -> noteSubmitted(user, s, handled));
            }
            return ctx.ack();
        });
    }

    /**
     * A click in HTTP mode, taken before Bolt: the form body's {@code payload} when it is a
     * {@code block_actions} payload, parsed with this connection's one {@link Gson}. Bolt parses a
     * click with a new {@code Gson} per request, which rebuilds the reflective adapters of the
     * whole payload (its message and blocks) every time: about half of an ack's CPU (see
     * docs/benchmarks.md, "the ack path"). Every other request goes to Bolt.
     *
     * @return whether it was a click (then it is acknowledged by answering 200 with an empty body)
     */
    boolean clickBeforeBolt(String formBody) {
        if (!formBody.startsWith(PAYLOAD)) {
            return false;
        }
        String json = URLDecoder.decode(formBody.substring(PAYLOAD.length()), StandardCharsets.UTF_8);
        JsonObject payload;
        try {
            payload = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            return false; // Bolt answers it as it would
        }
        if (!payload.has("type") || !"block_actions".equals(payload.get("type").getAsString())) {
            return false;
        }
        BlockActionPayload click = this.json.fromJson(payload, BlockActionPayload.class);
        if (click.getActions() == null || click.getActions().isEmpty() || click.getUser() == null) {
            return false;
        }
        onClick(click);
        return true;
    }

    /** A button clicked: the toelichting modal opened, or the choice handed to the core. */
    private void onClick(BlockActionPayload p) {
        BlockActionPayload.Action action = p.getActions().get(0);
        if (NoteDialog.isNoteAction(action.getActionId())) {
            pool.execute(() -> openNote(p, action));
        } else {
            ChatUser user = new ChatUser(SlackGateway.PLATFORM, teamOf(p), p.getUser().getId());
            InboundEvent.ChoiceMade choice = new InboundEvent.ChoiceMade(user, Optional.empty(),
                    BlockKitRenderer.actionIdOf(action.getActionId()), Optional.ofNullable(action.getValue()).orElse(""),
                    Optional.empty(), key("action", clickedWhere(p, action), action.getActionId(),
                            Optional.ofNullable(action.getValue()).orElse(""), user.userId()));
            bot.accept(choice, handled -> clicked(p, action, user, handled));
        }
    }

    /**
     * Where a button was clicked: the message (a double click on one button of one message is one
     * event — Slack gives the two clicks different {@code action_ts}), else the Home tab's view as
     * published, else the click's own {@code action_ts}.
     */
    private static String clickedWhere(BlockActionPayload p, BlockActionPayload.Action action) {
        if (p.getContainer() != null && p.getContainer().getMessageTs() != null) {
            return p.getContainer().getMessageTs();
        }
        if (p.getView() != null && p.getView().getId() != null) {
            return p.getView().getId() + ":" + p.getView().getHash();
        }
        return action.getActionTs();
    }

    /** The core's key of a Slack delivery from its ids; a fresh unique one when Slack gave none. */
    private static String key(String kind, String... ids) {
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                return InboundEvent.uniqueKey();
            }
        }
        return kind + ":" + String.join(":", ids);
    }

    private static String teamOf(BlockActionPayload p) {
        return p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
    }

    private static boolean isFromPerson(MessageEvent event) {
        return "im".equals(event.getChannelType()) && event.getBotId() == null && event.getUser() != null
                && event.getText() != null && event.getThreadTs() == null;
    }

    private void answerCommand(SlashCommandPayload p, Handled handled) {
        for (Message reply : handled.replies()) {
            BlockKitRenderer.Rendered rendered = renderer.render(reply);
            try {
                api.respond(p.getResponseUrl(), SlashCommandResponse.builder().responseType("ephemeral")
                        .text(rendered.fallbackText()).blocks(rendered.blocks()).build());
            } catch (IOException e) {
                LOG.warn("could not answer /borging of {}: {}", p.getUserId(), e.getMessage());
            }
        }
    }

    /** After typed text: a score typed as text shows its question answered too, then the replies. */
    private void answerText(ChatUser user, String channel, Handled handled) {
        handled.chosen().ifPresent(chosen -> {
            Asked question = asked.remove(user.userId() + ":" + chosen.questionKey());
            if (question != null) {
                var blocks = ReadOnlyMessage.of(renderer.render(question.message()).blocks(), null, chosen.label());
                showAnswered(question.channel(), question.ts(), blocks, chosen.label());
            }
        });
        for (Message message : handled.replies()) {
            post(user, channel, message);
        }
    }

    /** Posts a reply in the DM, remembering a question in it for when it is answered by typing. */
    private void post(ChatUser user, String channel, Message message) {
        String ts = gateway.post(channel, message, Optional.empty());
        message.parts().stream().filter(Part.ChoiceQuestion.class::isInstance).map(Part.ChoiceQuestion.class::cast)
                .forEach(q -> asked.put(user.userId() + ":" + q.questionKey(), new Asked(channel, ts, message)));
    }

    /** After a click: the clicked message shown answered once the core stored it, then the replies. */
    private void clicked(BlockActionPayload p, BlockActionPayload.Action action, ChatUser user, Handled handled) {
        String channel = p.getChannel() == null ? null : p.getChannel().getId();
        boolean ephemeral = p.getContainer() != null && p.getContainer().isEphemeral();
        boolean fromHome = p.getView() != null && "home".equals(p.getView().getType());
        if (!fromHome && handled.chosen().isPresent()) {
            Handled.Chosen chosen = handled.chosen().get();
            asked.remove(user.userId() + ":" + chosen.questionKey());
            String label = !chosen.label().isEmpty() ? chosen.label()
                    : action.getText() == null ? "" : action.getText().getText();
            readOnly(p, action, channel, ephemeral, label);
        }
        for (Message reply : handled.replies()) {
            if (fromHome) {
                gateway.sendDirect(user, reply);
            } else if (ephemeral || channel == null) {
                BlockKitRenderer.Rendered rendered = renderer.render(reply);
                respond(p.getResponseUrl(), rendered, false);
            } else {
                post(user, channel, reply);
            }
        }
    }

    /** Publishes the person's App Home: their check-in, and a manager's round status. */
    private void publishHome(ChatUser user) {
        gateway.publishHome(user.userId(), renderer.render(bot.home(user)).blocks());
    }

    /** Opens the toelichting modal; remembers the question's message to make it read-only afterwards. */
    private void openNote(BlockActionPayload p, BlockActionPayload.Action action) {
        String channel = p.getChannel() == null ? "" : p.getChannel().getId();
        String ts = p.getMessage() == null ? "" : p.getMessage().getTs();
        if (p.getMessage() != null && p.getMessage().getBlocks() != null) {
            questions.put(channel + ":" + ts, p.getMessage().getBlocks());
        }
        gateway.openView(p.getTriggerId(), renderer.notes().view(action.getValue(), channel, ts));
    }

    private void noteSubmitted(ChatUser user, NoteDialog.Submission submission, Handled handled) {
        String where = submission.channel() + ":" + submission.ts();
        if (handled.chosen().isPresent()) {
            List<LayoutBlock> question = questions.remove(where);
            asked.remove(user.userId() + ":" + handled.chosen().get().questionKey());
            if (question != null) {
                String label = handled.chosen().get().label().isEmpty() ? submission.choice().label()
                        : handled.chosen().get().label();
                showAnswered(submission.channel(), submission.ts(), ReadOnlyMessage.of(question, null, label), label);
            }
        }
        for (Message reply : handled.replies()) {
            post(user, submission.channel(), reply);
        }
    }

    /** Shows the clicked message with the choice instead of its buttons. */
    private void readOnly(BlockActionPayload p, BlockActionPayload.Action action, String channel, boolean ephemeral,
                          String label) {
        if (p.getMessage() == null || p.getMessage().getBlocks() == null) {
            return;
        }
        var blocks = ReadOnlyMessage.of(p.getMessage().getBlocks(), action.getBlockId(), label);
        String text = Optional.ofNullable(p.getMessage().getText()).orElse(label);
        if (ephemeral || channel == null) {
            respond(p.getResponseUrl(), new BlockKitRenderer.Rendered(blocks, text), true);
        } else if (!replaceOriginal(p.getResponseUrl(), blocks, text)) {
            showAnswered(channel, p.getMessage().getTs(), blocks, text);
        }
    }

    /**
     * Replaces the clicked message through the click's {@code response_url} ({@code replace_original}),
     * which costs no {@code chat.update} (Tier 3, about 50 a minute a workspace); whether Slack took it.
     */
    private boolean replaceOriginal(String responseUrl, List<LayoutBlock> blocks, String text) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return false;
        }
        try {
            int status = api.respond(responseUrl, ActionResponse.builder().replaceOriginal(true).text(text).blocks(blocks).build())
                    .getCode();
            if (status == 200) {
                return true;
            }
            LOG.info("response_url answered HTTP {}; showing the answer with chat.update", status);
        } catch (IOException | RuntimeException e) {
            LOG.info("response_url failed ({}); showing the answer with chat.update", e.getMessage());
        }
        return false;
    }

    /**
     * Replaces a question by its read-only version. The answer is stored already: when Slack
     * refuses, the question keeps its buttons (answering again is harmless) and the replies still go.
     */
    private void showAnswered(String channel, String ts, List<LayoutBlock> blocks, String text) {
        try {
            gateway.update(channel, ts, blocks, text);
        } catch (DeliveryException e) {
            LOG.warn("could not show an answered question as answered: {}", e.getMessage());
        }
    }

    private void respond(String responseUrl, BlockKitRenderer.Rendered rendered, boolean replace) {
        try {
            api.respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(replace)
                    .text(rendered.fallbackText()).blocks(rendered.blocks()).build());
        } catch (IOException e) {
            LOG.warn("could not answer a click: {}", e.getMessage());
        }
    }

    /** The channel of a command; empty in a DM with the bot (Slack's D… conversations). */
    private static Optional<ChatChannel> channel(String team, String channelId) {
        if (channelId == null || channelId.startsWith("D")) {
            return Optional.empty();
        }
        return Optional.of(new ChatChannel(SlackGateway.PLATFORM, team, channelId));
    }
}
