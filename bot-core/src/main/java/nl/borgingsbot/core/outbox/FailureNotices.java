package nl.borgingsbot.core.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.outbox.OutboxStore.Outcome;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.DeliveryFailureLog;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;

/**
 * Tells a region's programme managers, in their DM, which partners a fan-out (invitations,
 * reminders) could not reach and the real cause in plain words: one message per region and round
 * for the whole fan-out, and each partner once per round and cause — not once per attempt or per
 * message (the invitation and the reminders of one round that fail alike are one report), also
 * across restarts and instances ({@link DeliveryFailureLog}). Throttled deliveries reach this
 * only after {@link nl.borgingsbot.core.chat.DeliveryRetry#giveUpAfter()}.
 */
public final class FailureNotices {

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final DeliveryFailureLog log;
    private final Clock clock;

    public FailureNotices(RegionRepository regions, RoundRepository rounds, DeliveryFailureLog log, Clock clock) {
        this.regions = regions;
        this.rounds = rounds;
        this.log = log;
        this.clock = clock;
    }

    /** The DMs to the managers about the failures of a finished batch not told before (none when none). */
    List<Envelope> of(List<Outcome> batch) {
        Map<Envelope.About, List<Outcome>> byRound = new LinkedHashMap<>();
        for (Outcome outcome : batch) {
            if (outcome.state() == OutboxStore.State.FAILED && outcome.kind().reportedToManagers()
                    && outcome.about().partnerId() > 0 && outcome.reason().isPresent()) {
                Envelope.About round = new Envelope.About(outcome.about().regionId(), outcome.about().roundId(), 0);
                byRound.computeIfAbsent(round, r -> new ArrayList<>()).add(outcome);
            }
        }
        List<Envelope> notices = new ArrayList<>();
        byRound.forEach((about, failures) -> notice(about, failures).ifPresent(message -> regions
                .managers(about.regionId()).forEach(manager -> notices.add(
                        Envelope.toUser(Envelope.Kind.NOTICE, about, manager, message)))));
        return notices;
    }

    private Optional<Message> notice(Envelope.About about, List<Outcome> failures) {
        Optional<Region> region = regions.byId(about.regionId());
        Optional<Round> round = rounds.byId(about.roundId());
        if (region.isEmpty() || round.isEmpty()) {
            return Optional.empty();
        }
        Texts texts = Texts.of(region.get().language());
        int number = round.get().number();
        String name = region.get().name();
        List<String> lines = new ArrayList<>();
        List<Message> single = new ArrayList<>();
        for (Outcome failure : failures) {
            Optional<Partner> partner = regions.partnerById(failure.about().partnerId());
            DeliveryException.Reason reason = failure.reason().orElseThrow();
            if (partner.isPresent() && log.claim(partner.get().id(), "round:" + about.roundId(), reason, clock.instant())) {
                String cause = texts.get(causeKey(reason));
                lines.add(texts.get("delivery.failedLine", partner.get().name(), partner.get().organisation(), cause));
                single.add(Message.text(texts.get("delivery.failed", number, name, partner.get().name(),
                        partner.get().organisation(), cause)));
            }
        }
        if (lines.size() <= 1) {
            return single.stream().findFirst();
        }
        return Optional.of(Message.builder().paragraph(texts.get("delivery.failedMany", number, name, lines.size()))
                .add(new Part.Bullets(lines)).build());
    }

    /** The bundle key of a failure's cause, the same for every platform. */
    static String causeKey(DeliveryException.Reason reason) {
        return "delivery.cause." + reason.name().toLowerCase(Locale.ROOT);
    }
}
