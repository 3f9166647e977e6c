package nl.borgingsbot.core.absence;

import static nl.borgingsbot.core.command.CommandParser.lower;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.DeadlineParser;
import nl.borgingsbot.core.command.Membership;
import nl.borgingsbot.core.command.Role;
import nl.borgingsbot.core.command.UserReference;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.AbsenceRepository;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.checkin.Invitations;

/**
 * {@code afwezig tot <datum>} and {@code aanwezig}: a partner says they are away (for all their
 * regions), or a programme manager says it for a partner of the region. Away partners get no
 * round DM and no reminders; back before the round closes, they get the check-in then. Anyone may
 * give these commands; who may say it for whom is checked here.
 */
public final class AbsenceCommands implements CommandRouter.Feature {

    /** "afwezig [@user] tot &lt;datum&gt;": empty user means the person typing. */
    public record Away(Optional<UserReference> user, String until) implements Command {
    }

    /** "aanwezig [@user]". */
    public record Back(Optional<UserReference> user) implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(
            Entry.of(Set.of("afwezig", "away"), line -> away(line.after(1))),
            Entry.of(Set.of("aanwezig", "back"), line -> line.rest().length == 0 ? new Back(Optional.empty())
                    : UserReference.parseLeading(line.after(1)).filter(l -> l.rest().isEmpty())
                    .<Command>map(l -> new Back(Optional.of(l.user())))
                    .orElse(new Misused("usage.away"))));

    /** How far ahead an absence may be recorded. */
    static final int MAX_DAYS_AHEAD = 366;

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final AbsenceRepository absences;
    private final Invitations invitations;
    private final Membership membership;
    private final Clock clock;

    public AbsenceCommands(RegionRepository regions, RoundRepository rounds, AbsenceRepository absences,
                           Invitations invitations, Membership membership, Clock clock) {
        this.regions = regions;
        this.rounds = rounds;
        this.absences = absences;
        this.invitations = invitations;
        this.membership = membership;
        this.clock = clock;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(Route.of(Away.class, Role.ANYONE, (away, request) -> handle(away, request.from(), request.channel())),
                Route.of(Back.class, Role.ANYONE, (back, request) -> handle(back, request.from(), request.channel())));
    }

    /** "afwezig tot 14 februari 2027" or "afwezig @jan tot 14-2-2027" (English: "away [@user] until …"). */
    private static Command away(String arguments) {
        Optional<UserReference> user = Optional.empty();
        String rest = arguments;
        if (rest.startsWith("@")) {
            Optional<UserReference.Leading> named = UserReference.parseLeading(rest);
            if (named.isEmpty()) {
                return new Misused("usage.away");
            }
            user = Optional.of(named.get().user());
            rest = named.get().rest();
        }
        String[] words = rest.split("\\s+", 2);
        if (words.length < 2 || !Set.of("tot", "until").contains(lower(words[0]))) {
            return new Misused("usage.away");
        }
        return new Away(user, words[1].strip());
    }

    private Message handle(Command command, ChatUser from, Optional<ChatChannel> channel) {
        Optional<UserReference> someone = command instanceof Away away ? away.user()
                : ((Back) command).user();
        List<Partner> partners;
        Texts texts;
        if (someone.isEmpty()) {
            partners = regions.partnershipsOf(from);
            if (partners.isEmpty()) {
                return Message.text(Texts.of(Region.DUTCH).get("absence.notPartner"));
            }
            texts = Texts.of(region(partners.get(0)).language());
        } else {
            Optional<Region> region = membership.regionFor(from, channel);
            if (region.isEmpty() || !membership.isManager(region.get(), from)) {
                return Message.text(Texts.of(Region.DUTCH).get("absence.onlyManager"));
            }
            texts = Texts.of(region.get().language());
            ChatUser user = new ChatUser(from.platform(), from.workspace(), someone.get().userId());
            Optional<Partner> partner = membership.partner(region.get(), user);
            if (partner.isEmpty()) {
                return Message.text(texts.get("partner.notFound", someone.get().display(), region.get().name()));
            }
            partners = List.of(partner.get());
        }
        String who = someone.map(UserReference::display).orElse("");
        return command instanceof Away away ? away(partners, away.until(), who, texts) : back(partners, who, texts);
    }

    private Message away(List<Partner> partners, String untilText, String who, Texts texts) {
        Region first = region(partners.get(0));
        LocalDate today = clock.instant().atZone(first.timeZone()).toLocalDate();
        Optional<LocalDate> until = DeadlineParser.parse(untilText, first.timeZone()).map(d -> d.toLocalDate());
        if (until.isEmpty() || until.get().isBefore(today) || until.get().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            return Message.text(texts.get("absence.badDate", untilText));
        }
        partners.forEach(p -> absences.set(p.id(), until.get()));
        String date = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", texts.locale()).format(until.get());
        return Message.text(who.isEmpty() ? texts.get("absence.set", date) : texts.get("absence.setFor", who, date));
    }

    private Message back(List<Partner> partners, String who, Texts texts) {
        int invited = 0;
        for (Partner partner : partners) {
            absences.clear(partner.id());
            Region region = region(partner);
            Optional<Round> open = rounds.openRound(region.id());
            if (open.isPresent()) {
                invited += invitations.inviteReturned(region, open.get());
            }
        }
        String key = who.isEmpty() ? (invited > 0 ? "absence.clearedInvited" : "absence.cleared")
                : (invited > 0 ? "absence.clearedForInvited" : "absence.clearedFor");
        return Message.text(texts.get(key, who));
    }

    private Region region(Partner partner) {
        return regions.byId(partner.regionId()).orElseThrow();
    }
}
