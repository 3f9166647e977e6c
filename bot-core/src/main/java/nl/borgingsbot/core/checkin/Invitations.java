package nl.borgingsbot.core.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.outbox.Envelope;
import nl.borgingsbot.core.outbox.Outbox;
import nl.borgingsbot.core.outbox.OutboxStore;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.ReminderLog;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundLifecycle;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * Invites the partners of a round and reminds them, through the {@link Outbox}: each partner's
 * check-in is created, then every intro or reminder of the fan-out is a row of one batch, which
 * the outbox delivers on its own threads; nobody waits for it. A partner who cannot be reached is
 * told to the programme managers by the outbox, once, in one message per region; when the last
 * intro of an opening is delivered or failed, the managers hear the outcome ({@link #outcome}).
 * Also each partner's progress.
 */
public final class Invitations {

    private final RegionRepository regions;
    private final CheckInRepository checkIns;
    private final ReminderLog reminders;
    private final QuestionnaireCatalog catalog;
    private final RoundLifecycle lifecycle;
    private final Outbox outbox;
    private final Clock clock;
    private final Telemetry telemetry;

    public Invitations(RegionRepository regions, CheckInRepository checkIns, ReminderLog reminders,
                       QuestionnaireCatalog catalog, RoundLifecycle lifecycle, Outbox outbox, Clock clock,
                       Telemetry telemetry) {
        this.regions = regions;
        this.checkIns = checkIns;
        this.reminders = reminders;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.clock = clock;
        this.telemetry = telemetry;
        for (String topic : List.of(OPENED, OPENED_BY_SCHEDULE, RETURNED, REMINDED)) {
            outbox.whenDone(topic, this::outcome);
        }
    }

    /**
     * A fan-out when it was put in the outbox (right away): {@code sent} DMs on their way,
     * {@code unreachable} empty; or when its last DM was delivered or failed ({@link #outcome}):
     * {@code sent} delivered and who could not be reached. Also how many had had a reminder that
     * day already, and how many are away.
     */
    public record Fanout(Round round, int sent, List<Partner> unreachable, int remindedAlready, int away) {

        /** "Organisation (name), …" of those who could not be reached, alphabetical. */
        public String unreachableNames() {
            return Partner.alphabetical(unreachable).stream().map(p -> p.organisation() + " (" + p.name() + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    /** How inviting one partner went. */
    public enum Invitation { SENT, HAD_ONE, UNREACHABLE }

    /** The slot of a reminder the programme manager asked for (one a day). */
    public static final String MANUAL = "manual";

    /** The outbox topics of this class's fan-outs, whose outcome comes back to {@link #outcome}. */
    static final String OPENED = "round-opened";
    static final String OPENED_BY_SCHEDULE = "round-opened-by-schedule";
    static final String RETURNED = "invited-on-return";
    static final String REMINDED = "reminded";

    /**
     * Opens the region's next round by hand and puts every partner's intro in the outbox, without
     * waiting: the region's managers hear the outcome when the last intro is delivered or failed.
     */
    public Fanout open(Region region, Instant deadline) {
        return invite(region, lifecycle.open(region, deadline), OPENED);
    }

    /**
     * Opens the round of a scheduled {@code period} and puts the invitations in the outbox, as
     * {@link #open} does; empty when that period has its round already.
     */
    public Optional<Fanout> openScheduled(Region region, Instant period, Instant deadline) {
        return lifecycle.openScheduled(region, period, deadline).map(round -> invite(region, round, OPENED_BY_SCHEDULE));
    }

    /** Invites the partners back from an absence (or never invited); how many intros are on their way. */
    public int inviteReturned(Region region, Round round) {
        return invite(region, round, RETURNED).sent();
    }

    /**
     * Invites the partners of the open round who are not away and have no check-in yet (at the
     * opening, everyone present; later, those back from an absence or added since).
     */
    private Fanout invite(Region region, Round round, String topic) {
        List<Envelope> intros = new ArrayList<>();
        int away = 0;
        for (Partner partner : regions.partners(region.id())) {
            if (lifecycle.awayUntil(partner, lifecycle.today(region)).isPresent()) {
                away++;
                continue;
            }
            Optional<CheckIn> created = checkIns.createIfAbsent(round.id(), partner.id());
            if (created.isPresent()) {
                intros.add(envelope(Envelope.Kind.INVITATION, region, round, partner,
                        messages(region, round).intro(created.get())));
            }
        }
        outbox.enqueue(new OutboxStore.Fanout(topic, region.id(), round.id(), away, ""), intros);
        return new Fanout(round, intros.size(), List.of(), 0, away);
    }

    /**
     * What a fan-out came to, once every DM of it was delivered or failed (called by the outbox,
     * once): reminders a partner did not get are released (a later one may try again); an opening
     * is told to the region's managers — who got the invitation, who is away, who could not be
     * reached — the same message whether the schedule or a manager opened the round.
     */
    private List<Envelope> outcome(OutboxStore.Fanout fanout, List<OutboxStore.Outcome> rows) {
        Optional<Region> region = regions.byId(fanout.regionId());
        Optional<Round> round = lifecycle.round(fanout.roundId());
        if (region.isEmpty() || round.isEmpty()) {
            return List.of();
        }
        int sent = 0;
        List<Partner> unreachable = new ArrayList<>();
        for (OutboxStore.Outcome row : rows) {
            if (row.kind() != Envelope.Kind.INVITATION && row.kind() != Envelope.Kind.REMINDER) {
                continue; // the notices the outbox added to the batch
            }
            if (row.state() == OutboxStore.State.DELIVERED) {
                sent++;
            } else if (row.state() == OutboxStore.State.FAILED) {
                regions.partnerById(row.about().partnerId()).ifPresent(unreachable::add);
                if (!fanout.slot().isEmpty()) {
                    // not reminded after all: a later reminder (e.g. 'herinner' after the fix) may try again
                    reminders.release(fanout.roundId(), row.about().partnerId(), fanout.slot());
                }
            }
        }
        if (REMINDED.equals(fanout.topic())) {
            telemetry.reminded(region.get().name(), round.get().number(), sent);
            return List.of();
        }
        telemetry.roundOpened(region.get().name(), round.get().number(), sent);
        if (RETURNED.equals(fanout.topic())) {
            return List.of();
        }
        Message told = opened(region.get(), new Fanout(round.get(), sent, unreachable, 0, fanout.away()),
                OPENED_BY_SCHEDULE.equals(fanout.topic()));
        return outbox.toManagers(region.get(), told);
    }

    /** The managers' message about an opening: how many were invited, the deadline, who is away or not reached. */
    private static Message opened(Region region, Fanout fanout, boolean bySchedule) {
        Texts texts = Texts.of(region.language());
        String deadline = texts.dateTime(fanout.round().deadline(), region.timeZone());
        Message.Builder message = Message.builder().paragraph(bySchedule
                ? texts.get("schedule.opened.manager", fanout.round().number(), region.name(), fanout.sent(), deadline)
                : texts.get("round.opened", fanout.round().number(), region.name(), fanout.sent(), deadline));
        if (fanout.away() > 0) {
            message.paragraph(texts.get("round.awayAtOpen", fanout.away()));
        }
        if (!fanout.unreachable().isEmpty()) {
            message.paragraph(texts.get("round.unreachable", fanout.unreachableNames()));
        }
        return message.build();
    }

    /** Invites one partner (added while the round is open). */
    public Invitation invite(Region region, Round round, Partner partner) {
        Optional<CheckIn> created = checkIns.createIfAbsent(round.id(), partner.id());
        if (created.isEmpty()) {
            return Invitation.HAD_ONE;
        }
        List<OutboxStore.Outcome> outcome = outbox.send(List.of(envelope(Envelope.Kind.INVITATION, region, round, partner,
                messages(region, round).intro(created.get()))));
        return outcome.get(0).state() == OutboxStore.State.DELIVERED ? Invitation.SENT : Invitation.UNREACHABLE;
    }

    /**
     * Reminds every active partner of the open round who has not submitted, once per
     * {@code slot} ({@link #MANUAL}, or a scheduled reminder's days before the deadline) and never
     * twice on one day: each reminder is claimed in the {@link ReminderLog} before it is sent.
     */
    public Fanout remind(Region region, Round round, String slot) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(region.timeZone()).toLocalDate();
        String claimed = MANUAL.equals(slot) ? MANUAL + ":" + today : slot;
        CheckInMessages messages = messages(region, round);
        int away = 0;
        int already = 0;
        List<Envelope> envelopes = new ArrayList<>();
        Map<Long, Partner> active = regions.partners(region.id()).stream()
                .collect(Collectors.toMap(Partner::id, p -> p));
        for (CheckIn checkIn : checkIns.ofRound(round.id())) {
            Partner partner = active.get(checkIn.partnerId());
            if (checkIn.submitted() || partner == null) {
                continue;
            }
            if (lifecycle.awayUntil(partner, today).isPresent()) {
                away++;
            } else if (!reminders.claim(round.id(), checkIn.partnerId(), claimed, today, now)) {
                already++;
            } else {
                envelopes.add(envelope(Envelope.Kind.REMINDER, region, round, partner, messages.reminder(checkIn)));
            }
        }
        outbox.enqueue(new OutboxStore.Fanout(REMINDED, region.id(), round.id(), away, claimed), envelopes);
        return new Fanout(round, envelopes.size(), List.of(), already, away);
    }

    /** Whether every active partner of the round who is not away has submitted (for closing early). */
    public boolean everyoneSubmitted(Region region, Round round) {
        List<Partner> present = regions.partners(region.id()).stream()
                .filter(p -> lifecycle.awayUntil(p, lifecycle.today(region)).isEmpty()).toList();
        return !present.isEmpty() && present.stream().allMatch(p -> checkIns.find(round.id(), p.id())
                .map(CheckIn::submitted).orElse(false));
    }

    /** One partner's progress in a round, never their answers; {@code awayUntil} when they are away. */
    public record Progress(Partner partner, boolean submitted, int answered, int total, Optional<LocalDate> awayUntil) {
    }

    public List<Progress> progress(Region region, Round round) {
        Questionnaire questionnaire = catalog.require(round.questionnaireId());
        int total = questionnaire.prompts().size() + questionnaire.statements().size();
        List<Progress> lines = new ArrayList<>();
        for (Partner partner : Partner.alphabetical(regions.partners(region.id()))) {
            Optional<CheckIn> checkIn = checkIns.find(round.id(), partner.id());
            int answered = checkIn.map(c -> c.answers().reflections().size() + c.answers().scores().size()).orElse(0);
            boolean submitted = checkIn.map(CheckIn::submitted).orElse(false);
            lines.add(new Progress(partner, submitted, answered, total,
                    submitted ? Optional.empty() : lifecycle.awayUntil(partner, lifecycle.today(region))));
        }
        return lines;
    }

    private static Envelope envelope(Envelope.Kind kind, Region region, Round round, Partner partner, Message message) {
        return Envelope.toUser(kind, new Envelope.About(region.id(), round.id(), partner.id()), partner.user(), message);
    }

    private CheckInMessages messages(Region region, Round round) {
        return new CheckInMessages(region, round, catalog.require(round.questionnaireId()), List.of());
    }
}
