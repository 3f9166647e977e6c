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
import nl.borgingsbot.core.checkin.HomePage;
import nl.borgingsbot.core.checkin.Step;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandHandler;
import nl.borgingsbot.core.command.CommandParser;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.inbox.Inbox;
import nl.borgingsbot.core.national.NationalCommands;
import nl.borgingsbot.core.national.NationalComparison;
import nl.borgingsbot.core.national.NationalFigures;
import nl.borgingsbot.core.personal.PersonalResults;
import nl.borgingsbot.core.privacy.PrivacyCommands;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.report.ReportAddition;
import nl.borgingsbot.core.round.RoundService;
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

    /** Threads handling events after the ack: they mostly wait on a platform's API. */
    public static final int WORKERS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Borgingsbot.class);

    private final CheckInService checkIns;
    private final CommandHandler commands;
    private final RoundService roundService;
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
     */
    public record Settings(int workers, Random random, int nationalMinimum, Telemetry telemetry) {

        public static Settings defaults() {
            return new Settings(WORKERS, new SecureRandom(), NationalComparison.DEFAULT_MINIMUM, Telemetry.NONE);
        }

        public Settings withWorkers(int workers) {
            return new Settings(workers, random, nationalMinimum, telemetry);
        }

        public Settings withRandom(Random random) {
            return new Settings(workers, random, nationalMinimum, telemetry);
        }

        public Settings withNationalMinimum(int nationalMinimum) {
            return new Settings(workers, random, nationalMinimum, telemetry);
        }

        public Settings withTelemetry(Telemetry telemetry) {
            return new Settings(workers, random, nationalMinimum, telemetry);
        }
    }

    public Borgingsbot(Repositories repositories, QuestionnaireCatalog catalog, Gateways gateways,
                       Administrators admins, Clock clock, Settings settings) {
        this.inbox = new Inbox(repositories.handledEvents(), clock, settings.workers());
        this.checkIns = new CheckInService(repositories, catalog, clock, settings.telemetry());
        // the national figures are computed from the plain round reports, without the comparison itself
        NationalFigures figures = new NationalFigures(repositories, new RoundService(repositories, catalog, gateways,
                clock, settings.random(), report -> ReportAddition.NONE, Telemetry.NONE), clock);
        this.roundService = new RoundService(repositories, catalog, gateways, clock, settings.random(),
                new NationalComparison(figures, settings.nationalMinimum()), settings.telemetry());
        this.roundService.whenClosed(new PersonalResults(repositories, roundService)::sendAll);
        this.commands = new CommandHandler(repositories, roundService, catalog, admins,
                new NationalCommands(repositories, catalog, figures, roundService, admins, settings.nationalMinimum(), clock),
                clock);
        this.homePage = new HomePage(repositories, checkIns, roundService);
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

    public RoundService rounds() {
        return roundService;
    }

    /**
     * Accepts an event when the adapter acknowledges it: cheap (a look-up in memory, a queue). The
     * event is handled after the ack on the core's pool, and {@code deliver} is then called with
     * what the author should see — in the order of this person's events, and never for a retry of
     * an event handled before.
     *
     * @return completes once the event has been handled and delivered
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
    }

    /** {@code ronde sluit} waits for every event accepted before it. */
    private static boolean closesRound(InboundEvent event) {
        String line = event instanceof InboundEvent.Command command ? command.commandLine()
                : event instanceof InboundEvent.TextReply reply ? reply.text() : "";
        return !line.isBlank() && CommandParser.parse(line).filter(Command.CloseRound.class::isInstance).isPresent();
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
        Optional<Command> command = CommandParser.parse(line);
        return command.map(c -> commands.handle(c, event.from(), event.channel()));
    }
}
