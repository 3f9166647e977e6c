package nl.borgingsbot.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Handled;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Mention;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.checkin.ActiveCheckIn;
import nl.borgingsbot.core.checkin.CheckInService;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.checkin.Step;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.home.HomePage;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.inbox.Inbox;
import nl.borgingsbot.core.outbox.Outbox;
import nl.borgingsbot.core.national.NationalComparison;
import nl.borgingsbot.core.privacy.PrivacyCommands;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.cycle.RoundCommands;
import nl.borgingsbot.core.report.RoundReports;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * The one entry point for everything people do in a chat: adapters hand in an
 * {@link InboundEvent} when they acknowledge it ({@link #accept}) and render what comes back to
 * its author (in Slack a command's reply is only visible to the caller). Side effects for others —
 * partners' DMs, channel posts — go out through the {@link Gateways}.
 *
 * <p>Every platform gets the guarantees of the {@link Inbox}: an event is handled once (a retry
 * with the same key changes nothing, also after a restart), one person's events in the order they
 * were accepted, and {@code ronde sluit} only after every event accepted before it — so a
 * Versturen acknowledged before the close counts in the round. An answer is stored before the
 * adapter is told to show it as chosen ({@link Handled#chosen()}).
 */
public final class Borgingsbot implements AutoCloseable {

    /**
     * Threads handling events after the ack (the core and the database; the replies go out on the
     * inbox's own I/O threads): one per core, at least two. More only compete with the acks for the
     * CPU and for the database's one writer (docs/benchmarks.md: 8 threads gave slower acks and a
     * slower next question than 2 on two cores).
     */
    public static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final Logger LOG = LoggerFactory.getLogger(Borgingsbot.class);

    private final CheckInService checkIns;
    private final CommandParser parser;
    private final CommandRouter commands;
    private final Invitations invitations;
    private final RoundReports reports;
    private final Outbox outbox;
    private final HomePage homePage;
    private final Inbox inbox;

    public Borgingsbot(Repositories repositories, QuestionnaireCatalog catalog, Gateways gateways,
                       Administrators admins, Clock clock) {
        this(repositories, catalog, gateways, admins, clock, Settings.defaults());
    }

    /**
     * How one bot is tuned.
     *
     * @param workers         threads handling events after the ack
     * @param random          draws the labels of anonymous rounds (tests pass a seeded one)
     * @param nationalMinimum other sharing regions a region needs before its report compares
     *                        (BORGING_NATIONAL_MINIMUM)
     * @param telemetry       hears of rounds, check-ins and deliveries (metrics, the operator's log)
     * @param waitingLimit    events accepted and not yet answered, at most; beyond it the core refuses
     *                        new ones ({@link Inbox.Busy}) and the platform sends them again later
     */
    public record Settings(int workers, Random random, int nationalMinimum, Telemetry telemetry, int waitingLimit) {

        public static Settings defaults() {
            return new Settings(WORKERS, new SecureRandom(), NationalComparison.DEFAULT_MINIMUM, Telemetry.NONE,
                    Inbox.WAITING_LIMIT);
        }

        public Settings withWorkers(int workers) {
            return new Settings(workers, random, nationalMinimum, telemetry, waitingLimit);
        }

        public Settings withRandom(Random random) {
            return new Settings(workers, random, nationalMinimum, telemetry, waitingLimit);
        }

        public Settings withNationalMinimum(int nationalMinimum) {
            return new Settings(workers, random, nationalMinimum, telemetry, waitingLimit);
        }

        public Settings withTelemetry(Telemetry telemetry) {
            return new Settings(workers, random, nationalMinimum, telemetry, waitingLimit);
        }

        public Settings withWaitingLimit(int waitingLimit) {
            return new Settings(workers, random, nationalMinimum, telemetry, waitingLimit);
        }
    }

    /** Assembles the core's services ({@link CoreAssembly}) and takes them as its parts. */
    public Borgingsbot(Repositories repositories, QuestionnaireCatalog catalog, Gateways gateways,
                       Administrators admins, Clock clock, Settings settings) {
        this(CoreAssembly.assemble(repositories, catalog, gateways, admins, clock, settings));
    }

    /** What the entry point hands events to, built by {@link CoreAssembly}. */
    public record Parts(Inbox inbox, CheckInService checkIns, CommandParser parser, CommandRouter commands,
                        Invitations invitations, RoundReports reports, Outbox outbox, HomePage homePage) {
    }

    public Borgingsbot(Parts parts) {
        this.inbox = parts.inbox();
        this.checkIns = parts.checkIns();
        this.parser = parts.parser();
        this.commands = parts.commands();
        this.invitations = parts.invitations();
        this.reports = parts.reports();
        this.outbox = parts.outbox();
        this.homePage = parts.homePage();
        this.outbox.start();
    }

    /**
     * A person's home page (Slack's App Home): their open check-in with a button to continue, and
     * for a programme manager the progress of each region's open round. Never throws.
     */
    public Message home(ChatUser user) {
        try {
            return homePage.of(user);
        } catch (RuntimeException e) {
            LOG.error("could not show the home page of {}:{}", user.platform().key(), user.userId(), e);
            return Message.text(Texts.of(Region.DUTCH).get("error.unexpected"));
        }
    }

    /** The rounds' reports (computed, published). */
    public RoundReports reports() {
        return reports;
    }

    /** Invitations, reminders and progress. */
    public Invitations invitations() {
        return invitations;
    }

    /** Every message to others goes out through this (its dispatcher runs while the bot does). */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Accepts an event when the adapter acknowledges it: cheap (a look-up in memory, a queue). The
     * event is handled after the ack on the core's pool, and {@code deliver} is then called with
     * what the author should see — in the order of this person's events, and never for a retry of
     * an event handled before.
     *
     * @return completes once the event has been handled and delivered
     * @throws Inbox.Busy when {@link Settings#waitingLimit()} events are waiting already: do not
     *                    acknowledge it (answer HTTP 503), the platform sends it again later
     */
    public CompletableFuture<Void> accept(InboundEvent event, Consumer<Handled> deliver) {
        return inbox.accept(event, closesRound(event), this::process, deliver);
    }

    /**
     * Handles one event and waits for it: for callers without a platform to acknowledge to (the
     * demo, tests). The replies for its author; none for a retry of an event handled before.
     * Never call it from inside a {@code deliver}.
     */
    public List<Message> handle(InboundEvent event) {
        List<Message> replies = new ArrayList<>();
        accept(event, handled -> replies.addAll(handled.replies())).join();
        return replies;
    }

    /** Waits until every event accepted so far has been handled and delivered; false on timeout. */
    public boolean awaitIdle(Duration timeout) {
        return inbox.awaitIdle(timeout);
    }

    /** Finishes handling what was accepted, then stops (part of a graceful shutdown). */
    @Override
    public void close() {
        inbox.close();
        outbox.close();
    }

    /** {@code ronde sluit} waits for every event accepted before it. */
    private boolean closesRound(InboundEvent event) {
        String line = event instanceof InboundEvent.Command command ? command.commandLine()
                : event instanceof InboundEvent.TextReply reply ? reply.text() : "";
        return !line.isBlank() && parser.parse(line).filter(RoundCommands.CloseRound.class::isInstance).isPresent();
    }

    /** Handles one event; never throws for bad input — a person always gets an answer. */
    private Handled process(InboundEvent event) {
        try {
            return dispatch(event);
        } catch (RuntimeException e) {
            LOG.error("could not handle {} from {}:{}", event.getClass().getSimpleName(),
                    event.from().platform().key(), event.from().userId(), e);
            return Handled.reply(Message.text(Texts.of(Region.DUTCH).get("error.unexpected")));
        }
    }

    private Handled dispatch(InboundEvent event) {
        if (event instanceof InboundEvent.Command command) {
            return Handled.reply(command(command.commandLine(), event)
                    .orElseGet(() -> Message.text(Texts.of(Region.DUTCH).get("command.unknown", command.commandLine().strip()))));
        }
        if (event instanceof InboundEvent.ChoiceMade choice) {
            return choice(choice);
        }
        InboundEvent.TextReply reply = (InboundEvent.TextReply) event;
        if (reply.channel().isPresent()) {
            return Handled.reply(command(reply.text(), event)
                    .orElseGet(() -> Message.text(Texts.of(Region.DUTCH).get("command.unknown", reply.text().strip()))));
        }
        return directText(reply);
    }

    /**
     * Text in a DM. While a reflection prompt is asked, every text is the answer (a partner may
     * well begin with "help"); otherwise a command word is a command, and the rest goes to the
     * check-in.
     */
    private Handled directText(InboundEvent.TextReply reply) {
        Optional<ActiveCheckIn> active = checkIns.active(reply.from());
        boolean answeringPrompt = active.filter(a -> a.checkIn().step().kind() == Step.Kind.PROMPT).isPresent();
        if (!answeringPrompt) {
            Optional<Message> command = command(reply.text(), reply);
            if (command.isPresent()) {
                return Handled.reply(command.get());
            }
        }
        if (active.isPresent()) {
            return checkIns.onText(active.get(), reply.text());
        }
        return Handled.reply(checkIns.noCheckIn(reply.from()));
    }

    private Handled choice(InboundEvent.ChoiceMade choice) {
        if (choice.actionId().equals(PrivacyCommands.FORGET)) {
            // the confirmation button of "vergeet mij" / "vergeet @naam": the same command, confirmed
            String target = choice.value().equals(choice.from().userId()) ? "mij" : Mention.of(choice.value()).text();
            return new Handled(List.of(command("vergeet " + target + " bevestig", choice).orElseThrow()),
                    Optional.of(new Handled.Chosen(PrivacyCommands.FORGET, "")));
        }
        long checkInId;
        try {
            checkInId = CheckInService.checkInIdOf(choice.value());
        } catch (NumberFormatException e) {
            return Handled.reply(Message.text(Texts.of(Region.DUTCH).get("invalid.unknownAction")));
        }
        Optional<ActiveCheckIn> active = checkIns.byId(choice.from(), checkInId);
        if (active.isEmpty()) {
            return Handled.reply(Message.text(Texts.of(Region.DUTCH).get("invalid.unknownAction")));
        }
        if (!active.get().round().isOpen()) {
            return Handled.reply(CheckInService.roundClosed(active.get().region()));
        }
        return checkIns.onChoice(active.get(), choice.actionId(), choice.value(), choice.note());
    }

    private Optional<Message> command(String line, InboundEvent event) {
        Optional<Command> command = parser.parse(line);
        return command.map(c -> commands.handle(c, event.from(), event.channel()));
    }
}
