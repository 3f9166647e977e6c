package nl.borgingsbot.core.personal;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.report.Response;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.report.RoundReports;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.outbox.Outbox;

/**
 * Each partner's own line: when a round closes, every partner who answered gets it in a DM (unless
 * they switched it off); {@code mijn resultaat} sends it again for the region's last closed round,
 * {@code mijn resultaat uit|aan} switches it off or on. It goes only to the partner themself.
 */
public final class PersonalResults {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalResults.class);

    private final RoundRepository roundRepository;
    private final PersonalResultSettings settings;
    private final RoundReports rounds;
    private final Outbox outbox;

    public PersonalResults(RoundRepository roundRepository, PersonalResultSettings settings, RoundReports rounds,
                           Outbox outbox) {
        this.roundRepository = roundRepository;
        this.settings = settings;
        this.rounds = rounds;
        this.outbox = outbox;
    }

    /** After a round closed: each partner who answered and wants it gets their own result; returns how many. */
    public int sendAll(Region region, Round round) {
        RoundReport report = rounds.report(region, round);
        List<Response> responses = rounds.responses(round);
        PersonalResultMessages messages = new PersonalResultMessages(Texts.of(region.language()));
        int sent = 0;
        for (Response response : responses) {
            Partner partner = response.partner();
            if (!settings.wanted(partner.id())) {
                continue;
            }
            try {
                Optional<PersonalResult> result = PersonalResult.of(report, responses, partner.id());
                if (result.isPresent() && outbox.sendDirect(partner.user(), messages.message(result.get()))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warn("own result of partner {} in round {} not sent", partner.id(), round.id(), e);
            }
        }
        return sent;
    }

    /**
     * {@code mijn resultaat [uit|aan]}.
     *
     * @param on      empty: send the last closed round's result again; present: switch it on or off
     * @param region  the region the command is about, when known
     * @param partner the person's partnership in that region, when they are a partner there
     */
    public Message handle(Optional<Boolean> on, Optional<Region> region, Optional<Partner> partner, ChatUser from) {
        Texts texts = Texts.of(region.map(Region::language).orElse(Region.DUTCH));
        if (region.isEmpty() || partner.isEmpty()) {
            return Message.text(texts.get("personal.notPartner"));
        }
        Region r = region.get();
        if (on.isPresent()) {
            settings.setWanted(partner.get().id(), on.get());
            return Message.text(texts.get(on.get() ? "personal.on" : "personal.off", r.name()));
        }
        Optional<Round> last = roundRepository.ofRegion(r.id()).stream().filter(x -> !x.isOpen())
                .reduce((earlier, later) -> later);
        if (last.isEmpty()) {
            return Message.text(texts.get("round.noReport", r.name()));
        }
        List<Response> responses = rounds.responses(last.get());
        Optional<PersonalResult> result = PersonalResult.of(rounds.report(r, last.get()), responses, partner.get().id());
        if (result.isEmpty()) {
            return Message.text(texts.get("personal.notAnswered", last.get().number(), r.name()));
        }
        boolean sent = outbox.sendDirect(from, new PersonalResultMessages(texts).message(result.get()));
        return Message.text(texts.get(sent ? "personal.sent" : "personal.notDelivered", last.get().number(), r.name()));
    }
}
