package nl.borgingsbot.core;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.checkin.ActiveCheckIn;
import nl.borgingsbot.core.checkin.CheckInService;
import nl.borgingsbot.core.checkin.HomePage;
import nl.borgingsbot.core.checkin.Step;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandHandler;
import nl.borgingsbot.core.command.CommandParser;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.personal.PersonalResults;
import nl.borgingsbot.core.privacy.PrivacyCommands;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.RoundService;

/**
 * The one entry point for everything people do in a chat: adapters hand in an
 * {@link InboundEvent} and render the returned messages to its author (in Slack a command's
 * reply is only visible to the caller). Side effects for others — partners' DMs, channel
 * posts — go out through the {@link Gateways}.
 */
public final class Borgingsbot {

    private static final Logger LOG = LoggerFactory.getLogger(Borgingsbot.class);

    private final CheckInService checkIns;
    private final CommandHandler commands;
    private final RoundService roundService;
    private final HomePage homePage;

    public Borgingsbot(Repositories repositories, QuestionnaireCatalog catalog, Gateways gateways,
                       Administrators admins, Clock clock) {
        this.checkIns = new CheckInService(repositories, catalog, clock);
        this.roundService = new RoundService(repositories, catalog, gateways, clock);
        this.roundService.whenClosed(new PersonalResults(repositories, roundService)::sendAll);
        this.commands = new CommandHandler(repositories, roundService, catalog, admins, clock);
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

    /** Handles one event; never throws for bad input — a person always gets an answer. */
    public List<Message> handle(InboundEvent event) {
        try {
            return List.of(dispatch(event));
        } catch (RuntimeException e) {
            LOG.error("could not handle {} from {}:{}", event.getClass().getSimpleName(),
                    event.from().platform().key(), event.from().userId(), e);
            return List.of(Message.text(Texts.of(Region.DUTCH).get("error.unexpected")));
        }
    }

    private Message dispatch(InboundEvent event) {
        if (event instanceof InboundEvent.Command command) {
            return command(command.commandLine(), event)
                    .orElseGet(() -> Message.text(Texts.of(Region.DUTCH).get("command.unknown", command.commandLine().strip())));
        }
        if (event instanceof InboundEvent.ChoiceMade choice) {
            return choice(choice);
        }
        InboundEvent.TextReply reply = (InboundEvent.TextReply) event;
        if (reply.channel().isPresent()) {
            return command(reply.text(), event)
                    .orElseGet(() -> Message.text(Texts.of(Region.DUTCH).get("command.unknown", reply.text().strip())));
        }
        return directText(reply);
    }

    /**
     * Text in a DM. While a reflection prompt is asked, every text is the answer (a partner may
     * well begin with "help"); otherwise a command word is a command, and the rest goes to the
     * check-in.
     */
    private Message directText(InboundEvent.TextReply reply) {
        Optional<ActiveCheckIn> active = checkIns.active(reply.from());
        boolean answeringPrompt = active.filter(a -> a.checkIn().step().kind() == Step.Kind.PROMPT).isPresent();
        if (!answeringPrompt) {
            Optional<Message> command = command(reply.text(), reply);
            if (command.isPresent()) {
                return command.get();
            }
        }
        if (active.isPresent()) {
            return checkIns.onText(active.get(), reply.text());
        }
        return checkIns.noCheckIn(reply.from());
    }

    private Message choice(InboundEvent.ChoiceMade choice) {
        if (choice.actionId().equals(PrivacyCommands.FORGET)) {
            // the confirmation button of "vergeet mij" / "vergeet @naam": the same command, confirmed
            String target = choice.value().equals(choice.from().userId()) ? "mij" : "<@" + choice.value() + ">";
            return command("vergeet " + target + " bevestig", choice).orElseThrow();
        }
        long checkInId;
        try {
            checkInId = CheckInService.checkInIdOf(choice.value());
        } catch (NumberFormatException e) {
            return Message.text(Texts.of(Region.DUTCH).get("invalid.unknownAction"));
        }
        Optional<ActiveCheckIn> active = checkIns.byId(choice.from(), checkInId);
        if (active.isEmpty()) {
            return Message.text(Texts.of(Region.DUTCH).get("invalid.unknownAction"));
        }
        if (!active.get().round().isOpen()) {
            return CheckInService.roundClosed(active.get().region());
        }
        return checkIns.onChoice(active.get(), choice.actionId(), choice.value(), choice.note());
    }

    private Optional<Message> command(String line, InboundEvent event) {
        Optional<Command> command = CommandParser.parse(line);
        return command.map(c -> commands.handle(c, event.from(), event.channel()));
    }
}
