package nl.borgingsbot.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.checkin.CheckInRepository;
import nl.borgingsbot.core.command.DeadlineParser;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.region.WorkingHours;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.outbox.Outbox;
import nl.borgingsbot.core.report.RoundReports;

/**
 * Does what the schedules say is due now: opens scheduled rounds, invites partners back from an
 * absence, sends reminders, closes rounds at their deadline (or early, when everyone has submitted),
 * and deletes free text older than the retention allows. It looks at the clock, not at what it
 * did last time, so a tick after a restart does what was missed while the bot was down — an
 * opening, invitation or reminder inside the region's {@link WorkingHours}, a close at once; and
 * every action is guarded by the database (a round per period, a close per round, a claimed
 * reminder), so it happens once — also with two instances ticking at the same moment. The
 * programme managers are told when a round opens by itself (once its invitations are all delivered
 * or failed: {@link Invitations}) or closes by itself. A tick never waits for invitations or
 * reminders to be delivered.
 */
public final class ScheduleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);
    /** A scheduled opening this soon after its moment is on time, even outside working hours. */
    static final Duration ON_TIME = Duration.ofMinutes(15);
    /** Free text is kept for this many rounds of a region unless configured otherwise (two years, quarterly). */
    public static final int DEFAULT_RETENTION_ROUNDS = 8;

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final ScheduleRepository schedules;
    private final CheckInRepository checkIns;
    private final Invitations invitations;
    private final RoundReports reports;
    private final Outbox outbox;
    private final int retentionRounds;
    private final Clock clock;
    /** The (UTC) day retention last ran in this instance; it runs at the first tick of each day. */
    private LocalDate lastRetention;

    /** @param retentionRounds free text is kept for a region's last this many rounds, then deleted */
    public ScheduleRunner(RegionRepository regions, RoundRepository rounds, ScheduleRepository schedules,
                          CheckInRepository checkIns, Invitations invitations, RoundReports reports, Outbox outbox,
                          int retentionRounds, Clock clock) {
        if (retentionRounds < 1) {
            throw new IllegalArgumentException("BORGING_RETENTION_ROUNDS must be at least 1, was " + retentionRounds);
        }
        this.regions = regions;
        this.rounds = rounds;
        this.schedules = schedules;
        this.checkIns = checkIns;
        this.invitations = invitations;
        this.reports = reports;
        this.outbox = outbox;
        this.retentionRounds = retentionRounds;
        this.clock = clock;
    }

    /** What one tick did; {@code erased} counts answers whose free text was deleted (retention). */
    public record Tick(int opened, int reminded, int closed, int erased) {
    }

    /** Opens, reminds and closes whatever is due at the clock's now. */
    public Tick tick() {
        Instant now = clock.instant();
        // every due region's invitations go into the outbox, which delivers them together, without
        // this tick waiting; each region's managers hear the outcome when its last one is done
        int opened = 0;
        for (Schedule schedule : schedules.enabled()) {
            opened += openIfDue(schedule, now).isPresent() ? 1 : 0;
        }
        int reminded = 0;
        int closed = 0;
        for (Round round : rounds.allOpen()) {
            Optional<Region> region = regions.byId(round.regionId());
            if (region.isEmpty()) {
                continue;
            }
            Optional<Schedule> schedule = schedules.of(round.regionId());
            if (!now.isBefore(round.deadline()) || closesEarly(schedule, region.get(), round)) {
                Optional<RoundReports.Publication> publication = reports.close(region.get(), round);
                publication.ifPresent(p -> tellClosed(region.get(), round, p));
                closed += publication.isPresent() ? 1 : 0;
            } else if (hours(schedule).contains(now, region.get().timeZone())) {
                invitations.inviteReturned(region.get(), round);
                reminded += remindIfDue(region.get(), round, schedule, now);
            }
        }
        int erased = 0;
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (!today.equals(lastRetention)) {
            // once a day is enough: what was erased stays erased, and each erase is a write
            for (Region region : regions.all()) {
                erased += eraseOldText(region);
            }
            lastRetention = today;
        }
        if (opened + reminded + closed + erased > 0) {
            LOG.info("schedule: opened {} round(s), sent {} reminder(s), closed {} round(s), erased the text of {} answer(s)",
                    opened, reminded, closed, erased);
        }
        return new Tick(opened, reminded, closed, erased);
    }

    /** Deletes reflections and toelichtingen of the region's rounds older than its last {@code retentionRounds}. */
    private int eraseOldText(Region region) {
        List<Round> all = rounds.ofRegion(region.id());
        int erased = 0;
        for (Round old : all.subList(0, Math.max(0, all.size() - retentionRounds))) {
            if (!old.isOpen()) {
                erased += checkIns.eraseText(old.id());
            }
        }
        return erased;
    }

    /**
     * The round of the schedule's last moment, if that moment is still inside its response window
     * and after the schedule was set. A round for that moment opens once, however often this runs.
     */
    private Optional<Invitations.Fanout> openIfDue(Schedule schedule, Instant now) {
        Duration window = Duration.ofDays(schedule.windowDays());
        Instant from = later(schedule.since(), now.minus(window));
        Optional<Instant> period = Cron.of(schedule.cron(), schedule.zone()).lastFireBetween(from, now);
        Optional<Region> region = regions.byId(schedule.regionId());
        if (period.isEmpty() || region.isEmpty() || regions.partners(region.get().id()).isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime fired = period.get().atZone(schedule.zone());
        Instant deadline = DeadlineParser.daysFrom(fired, schedule.windowDays()).toInstant();
        if (!deadline.isAfter(now)) {
            return Optional.empty();
        }
        boolean late = now.isAfter(period.get().plus(ON_TIME));
        if (late && !schedule.workingHours().contains(now, region.get().timeZone())) {
            return Optional.empty(); // missed while the bot was down: it opens when the working day starts, not at night
        }
        return invitations.openScheduled(region.get(), period.get(), deadline);
    }

    /** Tells the programme managers that a round closed by itself, with its response rate. */
    private void tellClosed(Region region, Round round, RoundReports.Publication publication) {
        Texts texts = Texts.of(region.language());
        RoundReport report = reports.report(region, rounds.byId(round.id()).orElse(round));
        outbox.tellManagers(region, Message.text(texts.get(publication.posted().isPresent()
                        ? "schedule.closed.manager" : "schedule.closedNotPosted.manager", round.number(), region.name(),
                report.responded(), report.invited(), texts.percent(report.responseRate()))));
    }

    private static WorkingHours hours(Optional<Schedule> schedule) {
        return schedule.map(Schedule::workingHours).orElse(WorkingHours.DEFAULT);
    }

    /**
     * The latest reminder moment that has passed (days before the deadline, in working hours), sent
     * once per slot; if the bot was down over two of them, only the later one goes out. Called only
     * inside the region's working hours.
     */
    private int remindIfDue(Region region, Round round, Optional<Schedule> schedule, Instant now) {
        List<Integer> days = schedule.map(Schedule::reminderDays).orElse(Schedule.DEFAULT_REMINDER_DAYS);
        Optional<Integer> due = days.stream()
                .filter(d -> {
                    Instant at = hours(schedule).reminderMoment(round.deadline(), d, region.timeZone());
                    return !now.isBefore(at) && at.isAfter(round.openedAt());
                })
                .min(Integer::compare);
        return due.map(d -> invitations.remind(region, round, "days-" + d).sent()).orElse(0);
    }

    private boolean closesEarly(Optional<Schedule> schedule, Region region, Round round) {
        return schedule.map(Schedule::closeEarly).orElse(false) && invitations.everyoneSubmitted(region, round);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
