package nl.borgingsbot.core.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.borgingsbot.core.chat.Message;
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
 * the outbox delivers on its own threads; a partner who cannot be reached is told to the
 * programme managers by the outbox, once, in one message per region. Also each partner's progress.
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
    }

    /**
     * What happened when a round was opened or reminders went out: how many got a DM, who could
     * not be reached, how many had had a reminder that day already, and how many are away.
     */
    public record Fanout(Round round, int sent, List<Partner> unreachable, int remindedAlready, int away) {

        /** "Organisation (name), …" of those who could not be reached, alphabetical. */
        public String unreachableNames() {
            return Partner.alphabetical(unreachable).stream().map(p -> p.organisation() + " (" + p.name() + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    /** A fan-out in the outbox: its batch and the partner of each row. */
    public record Sending(Region region, Round round, String batch, List<Partner> partners, int away, int already,
                          String slot) {
    }

    /** How inviting one partner went. */
    public enum Invitation { SENT, HAD_ONE, UNREACHABLE }

    /** The slot of a reminder the programme manager asked for (one a day). */
    public static final String MANUAL = "manual";

    /** Opens the region's next round by hand and sends every partner the intro in a DM. */
    public Fanout open(Region region, Instant deadline) {
        return finish(invite(region, lifecycle.open(region, deadline)), Outbox.AWAIT);
    }

    /**
     * Opens the round of a scheduled {@code period} and puts the invitations in the outbox, without
     * waiting for them ({@link #finish}); empty when that period has its round already.
     */
    public Optional<Sending> openScheduled(Region region, Instant period, Instant deadline) {
        return lifecycle.openScheduled(region, period, deadline).map(round -> invite(region, round));
    }

    /**
     * Invites the partners of the open round who are not away and have no check-in yet (at the
     * opening, everyone present; later, those back from an absence or added since).
     */
    public Sending invite(Region region, Round round) {
        List<Partner> invited = new ArrayList<>();
        List<Envelope> intros = new ArrayList<>();
        int away = 0;
        for (Partner partner : regions.partners(region.id())) {
            if (lifecycle.awayUntil(partner, lifecycle.today(region)).isPresent()) {
                away++;
                continue;
            }
            Optional<CheckIn> created = checkIns.createIfAbsent(round.id(), partner.id());
            if (created.isPresent()) {
                invited.add(partner);
                intros.add(envelope(Envelope.Kind.INVITATION, region, round, partner,
                        messages(region, round).intro(created.get())));
            }
        }
        return new Sending(region, round, outbox.enqueue(intros), invited, away, 0, "");
    }

    /** Waits for a fan-out (at most {@code timeout}): who got it, who could not be reached. */
    public Fanout finish(Sending sending, Duration timeout) {
        return finish(sending, outbox.await(sending.batch(), timeout));
    }

    /** {@link #finish} for the batch's outcomes already awaited (several regions at once). */
    public Fanout finish(Sending sending, List<OutboxStore.Outcome> outcomes) {
        int sent = 0;
        List<Partner> unreachable = new ArrayList<>();
        for (int i = 0; i < sending.partners().size() && i < outcomes.size(); i++) {
            OutboxStore.Outcome outcome = outcomes.get(i);
            Partner partner = sending.partners().get(i);
            if (outcome.state() == OutboxStore.State.DELIVERED) {
                sent++;
            } else if (outcome.state() == OutboxStore.State.FAILED) {
                unreachable.add(partner);
                if (!sending.slot().isEmpty()) {
                    // not reminded after all: a later reminder (e.g. 'herinner' after the fix) may try again
                    reminders.release(sending.round().id(), partner.id(), sending.slot());
                }
            }
        }
        if (sending.slot().isEmpty()) {
            telemetry.roundOpened(sending.region().name(), sending.round().number(), sent);
        } else {
            telemetry.reminded(sending.region().name(), sending.round().number(), sent);
        }
        return new Fanout(sending.round(), sent, unreachable, sending.already(), sending.away());
    }

    /** Invites the partners back from an absence (or never invited); how many got the intro. */
    public int inviteReturned(Region region, Round round) {
        return finish(invite(region, round), Outbox.AWAIT).sent();
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
        List<Partner> reminded = new ArrayList<>();
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
                reminded.add(partner);
                envelopes.add(envelope(Envelope.Kind.REMINDER, region, round, partner, messages.reminder(checkIn)));
            }
        }
        Sending sending = new Sending(region, round, outbox.enqueue(envelopes), reminded, away, already, claimed);
        return finish(sending, Outbox.AWAIT);
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
