package nl.borgingsbot.core.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

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
 * across restarts and instances ({@link DeliveryFailureLog}). A throttled delivery never fails:
 * it is retried until it goes through, and when it is still not through
 * {@link nl.borgingsbot.core.chat.DeliveryRetry#reportAfter()} after its first attempt, the
 * managers hear it once ({@link #overdue}: who, and that the platform holds it back).
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
        return toManagers(byRound(batch.stream().filter(o -> o.state() == OutboxStore.State.FAILED
                && o.reason().isPresent()).toList()), this::notice);
    }

    /**
     * The DMs to the managers about partners whose message is still throttled after the hour
     * ({@link OutboxStore#markOverdue}, which makes each row reach this once): who, and that it is
     * still being tried.
     */
    List<Envelope> overdue(List<Outcome> late) {
        return toManagers(byRound(late), this::overdueNotice);
    }

    /** The partners' rows of fan-outs the managers hear about, by region and round. */
    private static Map<Envelope.About, List<Outcome>> byRound(List<Outcome> rows) {
        Map<Envelope.About, List<Outcome>> byRound = new LinkedHashMap<>();
        for (Outcome outcome : rows) {
            if (outcome.kind().reportedToManagers() && outcome.about().partnerId() > 0) {
                Envelope.About round = new Envelope.About(outcome.about().regionId(), outcome.about().roundId(), 0);
                byRound.computeIfAbsent(round, r -> new ArrayList<>()).add(outcome);
            }
        }
        return byRound;
    }

    private List<Envelope> toManagers(Map<Envelope.About, List<Outcome>> byRound,
                                      BiFunction<Envelope.About, List<Outcome>, Optional<Message>> notice) {
        List<Envelope> notices = new ArrayList<>();
        byRound.forEach((about, rows) -> notice.apply(about, rows).ifPresent(message -> regions
                .managers(about.regionId()).forEach(manager -> notices.add(
                        Envelope.toUser(Envelope.Kind.NOTICE, about, manager, message)))));
        return notices;
    }

    private Optional<Message> overdueNotice(Envelope.About about, List<Outcome> late) {
        Optional<Region> region = regions.byId(about.regionId());
        Optional<Round> round = rounds.byId(about.roundId());
        if (region.isEmpty() || round.isEmpty()) {
            return Optional.empty();
        }
        Texts texts = Texts.of(region.get().language());
        List<Partner> partners = late.stream().flatMap(o -> regions.partnerById(o.about().partnerId()).stream()).toList();
        if (partners.isEmpty()) {
            return Optional.empty();
        }
        int number = round.get().number();
        String name = region.get().name();
        if (partners.size() == 1) {
            return Optional.of(Message.text(texts.get("delivery.overdue", number, name, partners.get(0).name(),
                    partners.get(0).organisation())));
        }
        return Optional.of(Message.builder().paragraph(texts.get("delivery.overdueMany", number, name, partners.size()))
                .add(new Part.Bullets(partners.stream().map(p -> texts.get("delivery.overdueLine", p.name(),
                        p.organisation())).toList())).build());
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
