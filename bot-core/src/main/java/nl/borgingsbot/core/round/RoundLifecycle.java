package nl.borgingsbot.core.round;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import nl.borgingsbot.core.region.AbsenceRepository;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * A round's lifecycle: opened (by hand, or once per scheduled period), closed once, with its
 * deadline; and who is away on a day. Invitations and reminders live in
 * {@code checkin.Invitations}, the report in {@code report.RoundReports}; what they send goes
 * through the {@code outbox}.
 */
public final class RoundLifecycle {

    private final RoundRepository rounds;
    private final AbsenceRepository absences;
    private final Clock clock;
    private final Telemetry telemetry;

    public RoundLifecycle(RoundRepository rounds, AbsenceRepository absences, Clock clock, Telemetry telemetry) {
        this.rounds = rounds;
        this.absences = absences;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    /** Opens the region's next round by hand. */
    public Round open(Region region, Instant deadline) {
        return rounds.open(region.id(), region.questionnaireId(), clock.instant(), deadline);
    }

    /**
     * Opens the round of a scheduled {@code period}; empty when that period has its round already
     * (another instance, or an earlier try) or a round is open.
     */
    public Optional<Round> openScheduled(Region region, Instant period, Instant deadline) {
        return rounds.openScheduled(region.id(), region.questionnaireId(), period, clock.instant(), deadline);
    }

    /** A round by its id. */
    public Optional<Round> round(long id) {
        return rounds.byId(id);
    }

    /** Closes the round; false when someone else closed it first. */
    public boolean close(Region region, Round round) {
        if (!rounds.close(round.id(), clock.instant())) {
            return false;
        }
        telemetry.roundClosed(region.name(), round.number());
        return true;
    }

    /** The last day the partner is away, when they are away on {@code day}. */
    public Optional<LocalDate> awayUntil(Partner partner, LocalDate day) {
        return absences.awayOn(partner.id(), day);
    }

    /** Today in the region's time zone. */
    public LocalDate today(Region region) {
        return clock.instant().atZone(region.timeZone()).toLocalDate();
    }
}
