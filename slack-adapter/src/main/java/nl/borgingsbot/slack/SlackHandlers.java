package nl.borgingsbot.slack;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Platform;

/**
 * Slack events to core events, and the core's replies back to the person: {@code /borging} runs a
 * command (replies only the caller sees), text in the DM is a {@link InboundEvent.TextReply}, a
 * button is a {@link InboundEvent.ChoiceMade}, and so is a submitted toelichting modal (the choice
 * with its note). Opening the App Home publishes the person's home page from the core. Every handler only parses and enqueues before it
 * acks; the core and the Web API calls run afterwards, per person in order. Retried events and
 * double clicks are handled once.
 */
public final class SlackHandlers {

    /** The slash command, as in the manifest. */
    public static final String COMMAND = "/borging";
    private static final Logger LOG = LoggerFactory.getLogger(SlackHandlers.class);
    private static final int REMEMBERED = 50_000;

    private final Borgingsbot bot;
    private final SlackGateway gateway;
    private final BlockKitRenderer renderer;
    private final SerialExecutor executor;
    private final RecentKeys seen = new RecentKeys(REMEMBERED);
    private final Map<String, List<LayoutBlock>> questions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<LayoutBlock>> eldest) {
                    return size() > 1_000;
                }
            });

    SlackHandlers(Borgingsbot bot, SlackGateway gateway, BlockKitRenderer renderer, SerialExecutor executor) {
        this.bot = bot;
        this.gateway = gateway;
        this.renderer = renderer;
        this.executor = executor;
    }

    /** Registers the handlers on a Bolt app. */
    void register(App app) {
        app.command(COMMAND, (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            executor.execute(p.getUserId(), () -> command(p, ctx));
            return ctx.ack();
        });
        app.event(MessageEvent.class, (req, ctx) -> {
            MessageEvent event = req.getEvent();
            if (isFromPerson(event) && seen.firstTime("event:" + req.getEventId())) {
                String team = Optional.ofNullable(req.getTeamId()).orElse(event.getTeam());
                executor.execute(event.getUser(), () -> directText(team, event));
            }
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            AppHomeOpenedEvent event = req.getEvent();
            if ("home".equals(event.getTab()) && event.getUser() != null && seen.firstTime("event:" + req.getEventId())) {
                ChatUser user = new ChatUser(Platform.SLACK, Optional.ofNullable(req.getTeamId()).orElse(""), event.getUser());
                executor.execute(event.getUser(), () -> publishHome(user));
            }
            return ctx.ack();
        });
        app.blockAction(Pattern.compile(".+"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            BlockActionPayload.Action action = p.getActions().get(0);
            String messageTs = p.getContainer() == null ? "" : p.getContainer().getMessageTs();
            if (seen.firstTime("action:" + p.getUser().getId() + ":" + messageTs + ":" + action.getActionId()
                    + ":" + action.getValue())) {
                if (NoteDialog.isNoteAction(action.getActionId())) {
                    executor.execute(p.getUser().getId(), () -> openNote(p, action));
                } else {
                    executor.execute(p.getUser().getId(), () -> click(p, action, ctx));
                }
            }
            return ctx.ack();
        });
        app.viewSubmission(NoteDialog.ACTION, (req, ctx) -> {
            var p = req.getPayload();
            Optional<NoteDialog.Submission> submission = NoteDialog.submission(p.getView());
            if (submission.isPresent() && seen.firstTime("view:" + p.getView().getId() + ":" + p.getView().getHash())) {
                String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
                ChatUser user = new ChatUser(Platform.SLACK, team, p.getUser().getId());
                executor.execute(user.userId(), () -> noteSubmitted(user, submission.get()));
            }
            return ctx.ack();
        });
    }

    private static boolean isFromPerson(MessageEvent event) {
        return "im".equals(event.getChannelType()) && event.getBotId() == null && event.getUser() != null
                && event.getText() != null && event.getThreadTs() == null;
    }

    private void command(SlashCommandPayload p, SlashCommandContext ctx) {
        ChatUser user = new ChatUser(Platform.SLACK, p.getTeamId(), p.getUserId());
        InboundEvent event = new InboundEvent.Command(user, channel(p.getTeamId(), p.getChannelId()),
                Optional.ofNullable(p.getText()).orElse(""));
        for (Message reply : bot.handle(event)) {
            BlockKitRenderer.Rendered rendered = renderer.render(reply);
            try {
                ctx.respond(r -> r.responseType("ephemeral").text(rendered.fallbackText()).blocks(rendered.blocks()));
            } catch (IOException e) {
                LOG.warn("could not answer /borging of {}: {}", p.getUserId(), e.getMessage());
            }
        }
    }

    private void directText(String team, MessageEvent event) {
        ChatUser user = new ChatUser(Platform.SLACK, team, event.getUser());
        InboundEvent reply = new InboundEvent.TextReply(user, Optional.empty(), SlackText.unescape(event.getText()));
        for (Message message : bot.handle(reply)) {
            gateway.post(event.getChannel(), message, Optional.empty());
        }
    }

    private void click(BlockActionPayload p, BlockActionPayload.Action action, ActionContext ctx) {
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        ChatUser user = new ChatUser(Platform.SLACK, team, p.getUser().getId());
        String channel = p.getChannel() == null ? null : p.getChannel().getId();
        boolean ephemeral = p.getContainer() != null && p.getContainer().isEphemeral();
        boolean fromHome = p.getView() != null && "home".equals(p.getView().getType());
        if (!fromHome) {
            readOnly(p, action, channel, ephemeral, ctx);
        }
        InboundEvent.ChoiceMade choice = new InboundEvent.ChoiceMade(user, Optional.empty(),
                BlockKitRenderer.actionIdOf(action.getActionId()), Optional.ofNullable(action.getValue()).orElse(""),
                Optional.empty());
        for (Message reply : bot.handle(choice)) {
            if (fromHome) {
                gateway.sendDirect(user, reply);
            } else if (ephemeral || channel == null) {
                BlockKitRenderer.Rendered rendered = renderer.render(reply);
                respond(ctx, rendered, false);
            } else {
                gateway.post(channel, reply, Optional.empty());
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

    private void noteSubmitted(ChatUser user, NoteDialog.Submission submission) {
        InboundEvent.ChoiceMade choice = new InboundEvent.ChoiceMade(user, Optional.empty(),
                submission.choice().actionId(), submission.choice().value(),
                submission.note().isEmpty() ? Optional.empty() : Optional.of(submission.note()));
        List<LayoutBlock> question = questions.remove(submission.channel() + ":" + submission.ts());
        if (question != null) {
            gateway.update(submission.channel(), submission.ts(),
                    ReadOnlyMessage.of(question, null, submission.choice().label()), submission.choice().label());
        }
        for (Message reply : bot.handle(choice)) {
            gateway.post(submission.channel(), reply, Optional.empty());
        }
    }

    /** Shows the clicked message with the choice instead of its buttons. */
    private void readOnly(BlockActionPayload p, BlockActionPayload.Action action, String channel, boolean ephemeral,
                          ActionContext ctx) {
        if (p.getMessage() == null || p.getMessage().getBlocks() == null) {
            return;
        }
        String label = action.getText() == null ? "" : action.getText().getText();
        var blocks = ReadOnlyMessage.of(p.getMessage().getBlocks(), action.getBlockId(), label);
        String text = Optional.ofNullable(p.getMessage().getText()).orElse(label);
        if (ephemeral || channel == null) {
            respond(ctx, new BlockKitRenderer.Rendered(blocks, text), true);
        } else {
            gateway.update(channel, p.getMessage().getTs(), blocks, text);
        }
    }

    private static void respond(ActionContext ctx, BlockKitRenderer.Rendered rendered, boolean replace) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(replace)
                    .text(rendered.fallbackText()).blocks(rendered.blocks()));
        } catch (IOException e) {
            LOG.warn("could not answer a click: {}", e.getMessage());
        }
    }

    /** The channel of a command; empty in a DM with the bot (Slack's D… conversations). */
    private static Optional<ChatChannel> channel(String team, String channelId) {
        if (channelId == null || channelId.startsWith("D")) {
            return Optional.empty();
        }
        return Optional.of(new ChatChannel(Platform.SLACK, team, channelId));
    }
}
