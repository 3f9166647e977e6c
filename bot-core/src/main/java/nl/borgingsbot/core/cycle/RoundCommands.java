package nl.borgingsbot.core.cycle;

import static nl.borgingsbot.core.command.CommandParser.join;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.DeadlineParser;
import nl.borgingsbot.core.command.Request;
import nl.borgingsbot.core.command.Role;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.report.RoundReports;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;

/**
 * The {@code ronde}, {@code herinner} and {@code trend} commands: a programme manager opens a
 * round, follows it, reminds, closes it and posts its report again; everyone in the region may
 * post the trend over the rounds.
 */
public final class RoundCommands implements CommandRouter.Feature {

    public record StartRound(Optional<String> deadline) implements Command {
    }

    public record RoundStatus() implements Command {
    }

    public record CloseRound() implements Command {
    }

    public record PostReport() implements Command {
    }

    public record Remind() implements Command {
    }

    public record Trend() implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(
            Entry.of(Set.of("ronde", "round"), line -> round(line.second(), line.rest())),
            Entry.of(Set.of("herinner", "herinnering", "remind"), line -> new Remind()),
            Entry.of(Set.of("trend", "verloop"), line -> new Trend()));

    /** The longest a round may stay open. */
    static final Duration MAX_ROUND = Duration.ofDays(92);

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final Invitations invitations;
    private final RoundReports reports;
    private final Clock clock;

    public RoundCommands(RegionRepository regions, RoundRepository rounds, Invitations invitations, RoundReports reports,
                         Clock clock) {
        this.regions = regions;
        this.rounds = rounds;
        this.invitations = invitations;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(
                Route.of(StartRound.class, Role.MANAGER,
                        (start, request) -> startRound(request.region(), request.texts(), start.deadline())),
                Route.of(PostReport.class, Role.MANAGER, (post, request) -> postReport(request.region(), request.texts())),
                Route.of(RoundStatus.class, Role.MANAGER, whileOpen((region, texts, open) -> status(region, texts, open))),
                Route.of(CloseRound.class, Role.MANAGER, whileOpen((region, texts, open) -> close(region, texts, open))),
                Route.of(Remind.class, Role.MANAGER, whileOpen((region, texts, open) -> remind(region, texts, open))),
                Route.of(Trend.class, Role.PARTNER, (trend, request) -> trend(request.region(), request.texts())));
    }

    private interface OnOpenRound {
        Message handle(Region region, Texts texts, Round open);
    }

    /** A command about the open round: without one, says there is none. */
    private <C extends Command> BiFunction<C, Request, Message> whileOpen(OnOpenRound handler) {
        return (command, request) -> {
            Region r = request.region();
            Optional<Round> open = rounds.openRound(r.id());
            if (open.isEmpty()) {
                return Message.text(request.texts().get("round.noneOpen", r.name()));
            }
            return handler.handle(r, request.texts(), open.get());
        };
    }

    private static Command round(String second, String[] rest) {
        return switch (second) {
            case "start", "open" -> new StartRound(rest.length > 1 ? Optional.of(join(rest, 1)) : Optional.empty());
            case "status" -> new RoundStatus();
            case "sluit", "sluiten", "close" -> new CloseRound();
            case "rapport", "report" -> new PostReport();
            default -> new Misused("usage.round");
        };
    }

    private Message remind(Region r, Texts texts, Round open) {
        Invitations.Fanout fanout = invitations.remind(r, open, Invitations.MANUAL);
        Message.Builder reply = Message.builder();
        if (fanout.sent() > 0 || fanout.remindedAlready() == 0) {
            reply.paragraph(texts.get("round.reminded", fanout.sent()));
        }
        if (fanout.remindedAlready() > 0) {
            reply.paragraph(texts.get("round.remindedAlready", fanout.remindedAlready()));
        }
        return reply.build();
    }

    private Message startRound(Region region, Texts texts, Optional<String> deadlineText) {
        if (rounds.openRound(region.id()).isPresent()) {
            return Message.text(texts.get("round.alreadyOpen", region.name()));
        }
        if (regions.partners(region.id()).isEmpty()) {
            return Message.text(texts.get("round.noPartners"));
        }
        ZonedDateTime now = clock.instant().atZone(region.timeZone());
        Optional<ZonedDateTime> deadline = deadlineText.isEmpty()
                ? Optional.of(DeadlineParser.daysFrom(now, Round.DEFAULT_WINDOW_DAYS))
                : DeadlineParser.parse(deadlineText.get(), region.timeZone());
        if (deadline.isEmpty()) {
            return Message.text(texts.get("round.badDeadline", deadlineText.orElse("")));
        }
        Instant until = deadline.get().toInstant();
        if (!until.isAfter(clock.instant())) {
            return Message.text(texts.get("round.deadlinePast"));
        }
        if (Duration.between(clock.instant(), until).compareTo(MAX_ROUND) > 0) {
            return Message.text(texts.get("round.deadlineTooFar", MAX_ROUND.toDays()));
        }
        Invitations.Fanout fanout;
        try {
            fanout = invitations.open(region, until);
        } catch (IllegalStateException alreadyOpen) {
            return Message.text(texts.get("round.alreadyOpen", region.name()));
        }
        // the invitations are on their way; the managers hear how it went once they are all delivered
        Message.Builder reply = Message.builder().paragraph(texts.get("round.opening", fanout.round().number(),
                region.name(), fanout.sent(), texts.dateTime(until, region.timeZone())));
        if (fanout.away() > 0) {
            reply.paragraph(texts.get("round.awayAtOpen", fanout.away()));
        }
        return reply.build();
    }

    private Message status(Region region, Texts texts, Round round) {
        List<Invitations.Progress> progress = invitations.progress(region, round);
        long submitted = progress.stream().filter(Invitations.Progress::submitted).count();
        long away = progress.stream().filter(p -> p.awayUntil().isPresent()).count();
        Message.Builder reply = Message.builder()
                .heading(texts.get("round.status.title", round.number(), region.name()))
                .paragraph(texts.get("round.status.summary", submitted, progress.size() - away,
                        texts.dateTime(round.deadline(), region.timeZone())));
        if (away > 0) {
            reply.paragraph(texts.get("round.status.summaryAway", away));
        }
        return reply.add(new Part.Bullets(progress.stream().map(p -> statusLine(p, texts)).toList())).build();
    }

    private static String statusLine(Invitations.Progress p, Texts texts) {
        String organisation = p.partner().organisation();
        String name = p.partner().name();
        if (p.awayUntil().isPresent()) {
            return texts.get("round.status.away", organisation, name,
                    DateTimeFormatter.ofPattern("d MMMM", texts.locale()).format(p.awayUntil().get()));
        }
        return texts.get(p.submitted() ? "round.status.submitted" : p.answered() == 0 ? "round.status.notStarted"
                : "round.status.busy", organisation, name, p.answered(), p.total());
    }

    private Message close(Region region, Texts texts, Round round) {
        Optional<RoundReports.Publication> publication = reports.close(region, round);
        if (publication.isEmpty()) {
            return Message.text(texts.get("round.noneOpen", region.name()));
        }
        return Message.text(texts.get(publication.get().posted().isPresent() ? "round.closed" : "round.closedNotPosted",
                round.number(), region.name()));
    }

    private Message postReport(Region region, Texts texts) {
        Optional<Round> last = rounds.ofRegion(region.id()).stream()
                .filter(r -> !r.isOpen()).reduce((first, second) -> second);
        if (last.isEmpty()) {
            return Message.text(texts.get("round.noReport", region.name()));
        }
        RoundReports.Publication publication = reports.publish(region, last.get());
        return Message.text(texts.get(publication.posted().isPresent() ? "round.reportPosted" : "round.closedNotPosted",
                last.get().number(), region.name()));
    }

    private Message trend(Region region, Texts texts) {
        Optional<RoundReports.Publication> posted = reports.postTrend(region);
        if (posted.isEmpty()) {
            return Message.text(texts.get("round.noReport", region.name()));
        }
        return Message.text(texts.get(posted.get().posted().isPresent() ? "trend.posted" : "trend.notPosted",
                region.name()));
    }
}
