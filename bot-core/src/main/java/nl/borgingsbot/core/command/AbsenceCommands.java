package nl.borgingsbot.core.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.AbsenceRepository;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;

/**
 * {@code afwezig tot <datum>} and {@code aanwezig}: a partner says they are away (for all their
 * regions), or a programme manager says it for a partner of the region. Away partners get no
 * round DM and no reminders; back before the round closes, they get the check-in then.
 */
final class AbsenceCommands {

    /** How far ahead an absence may be recorded. */
    static final int MAX_DAYS_AHEAD = 366;

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final AbsenceRepository absences;
    private final Invitations invitations;
    private final Membership membership;
    private final Clock clock;

    AbsenceCommands(Repositories repositories, Invitations invitations, Membership membership, Clock clock) {
        this.regions = repositories.regions();
        this.rounds = repositories.rounds();
        this.absences = repositories.absences();
        this.invitations = invitations;
        this.membership = membership;
        this.clock = clock;
    }

    Message handle(Command command, ChatUser from, Optional<ChatChannel> channel) {
        Optional<UserReference> someone = command instanceof Command.Away away ? away.user()
                : ((Command.Back) command).user();
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
        return command instanceof Command.Away away ? away(partners, away.until(), who, texts) : back(partners, who, texts);
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
