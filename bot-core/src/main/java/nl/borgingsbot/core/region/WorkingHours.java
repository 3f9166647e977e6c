package nl.borgingsbot.core.region;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the bot may write to people of a region by itself: Monday to Friday from {@code start} to
 * {@code end}, local time. Reminders go out on a working day at {@link #REMINDER_TIME} (or at the
 * start, when the working day starts later); an opening or reminder missed while the bot was down
 * waits for the next moment inside these hours. Closing a round never waits.
 */
public record WorkingHours(LocalTime start, LocalTime end) {

    public static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(8, 0), LocalTime.of(18, 0));
    /** Reminders go out at 09:00 when that is inside the working hours. */
    public static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
    private static final Pattern FORM = Pattern.compile("(\\d{1,2}[:.]\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}[:.]\\d{2})");

    public WorkingHours {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end: " + start + "-" + end);
        }
    }

    /** "08:00-18:00" (also 8.00-18.00 or with an en dash); empty when it is not that or ends before it starts. */
    public static Optional<WorkingHours> parse(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            LocalTime from = time(matcher.group(1));
            LocalTime to = time(matcher.group(2));
            return from.isBefore(to) ? Optional.of(new WorkingHours(from, to)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(String text) {
        String normal = text.replace('.', ':');
        return LocalTime.parse(normal.length() == 4 ? "0" + normal : normal);
    }

    /** Whether {@code moment} falls on a working day inside these hours in {@code zone}. */
    public boolean contains(Instant moment, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        LocalTime time = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** The time of day reminders go out: 09:00, or the start when 09:00 is outside these hours. */
    public LocalTime reminderTime() {
        return !REMINDER_TIME.isBefore(start) && REMINDER_TIME.isBefore(end) ? REMINDER_TIME : start;
    }

    /**
     * When the reminder {@code daysBefore} the deadline goes out: that day at {@link #reminderTime()},
     * or on the Friday before when that day is a Saturday or Sunday.
     */
    public Instant reminderMoment(Instant deadline, int daysBefore, ZoneId zone) {
        LocalDate day = deadline.atZone(zone).toLocalDate().minusDays(daysBefore);
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day.atTime(reminderTime()).atZone(zone).toInstant();
    }

    /** "08:00-18:00", as the command and the regions file take it. */
    @Override
    public String toString() {
        return start + "-" + end;
    }

    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
