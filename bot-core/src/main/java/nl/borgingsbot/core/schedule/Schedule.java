package nl.borgingsbot.core.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import nl.borgingsbot.core.region.WorkingHours;
import nl.borgingsbot.core.round.Round;

/**
 * When a region's rounds open by themselves: a Quartz cron expression in the region's time zone,
 * how many days a round stays open, how many days before the deadline partners are reminded, and
 * whether a round closes as soon as every partner has submitted. {@code since} is when the
 * schedule was last set: no round is opened for a moment before it. {@code workingHours} are when
 * the bot writes to the region's people by itself (see {@link WorkingHours}).
 */
public record Schedule(long regionId, String cron, ZoneId zone, int windowDays, List<Integer> reminderDays,
                       boolean closeEarly, boolean enabled, Instant since, WorkingHours workingHours) {

    /** The first Monday of January, April, July and October at 09:00 (Quartz cron: seconds first). */
    public static final String QUARTERLY = "0 0 9 ? 1,4,7,10 MON#1";
    public static final int DEFAULT_WINDOW_DAYS = Round.DEFAULT_WINDOW_DAYS;
    public static final List<Integer> DEFAULT_REMINDER_DAYS = List.of(7, 2);

    public Schedule {
        reminderDays = List.copyOf(reminderDays);
    }

    /** The default: quarterly, 14 days to answer, reminders 7 and 2 days before the deadline. */
    public static Schedule quarterly(long regionId, ZoneId zone, Instant since) {
        return new Schedule(regionId, QUARTERLY, zone, DEFAULT_WINDOW_DAYS, DEFAULT_REMINDER_DAYS, false, true, since,
                WorkingHours.DEFAULT);
    }

    public Schedule withCron(String newCron, ZoneId newZone, Instant now) {
        return new Schedule(regionId, newCron, newZone, windowDays, reminderDays, closeEarly, true, now, workingHours);
    }

    public Schedule withWindow(int days) {
        return new Schedule(regionId, cron, zone, days, reminderDays, closeEarly, enabled, since, workingHours);
    }

    public Schedule withReminders(List<Integer> days) {
        return new Schedule(regionId, cron, zone, windowDays, days, closeEarly, enabled, since, workingHours);
    }

    public Schedule withCloseEarly(boolean early) {
        return new Schedule(regionId, cron, zone, windowDays, reminderDays, early, enabled, since, workingHours);
    }

    public Schedule withWorkingHours(WorkingHours hours) {
        return new Schedule(regionId, cron, zone, windowDays, reminderDays, closeEarly, enabled, since, hours);
    }

    public Schedule disabled() {
        return new Schedule(regionId, cron, zone, windowDays, reminderDays, closeEarly, false, since, workingHours);
    }
}
