package nl.borgingsbot.core.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * A Quartz cron expression (seconds first: {@code 0 0 9 ? 1,4,7,10 MON#1}) in an explicit time
 * zone, so 09:00 stays 09:00 across daylight saving time.
 */
public final class Cron {

    /** Rounds may start at most this often. */
    static final Duration MIN_GAP = Duration.ofDays(7);
    private static final int FIRES_CHECKED = 12;
    private static final Duration HORIZON = Duration.ofDays(2 * 366);

    private final CronExpression expression;

    private Cron(CronExpression expression) {
        this.expression = expression;
    }

    /** Why a cron expression cannot be used for rounds. */
    public enum Problem { INVALID, NEVER_FIRES, TOO_OFTEN }

    /** The expression in the zone; an {@link IllegalArgumentException} when it is no cron expression. */
    public static Cron of(String cron, ZoneId zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return new Cron(expression);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: '" + cron + "'", e);
        }
    }

    /**
     * Why this expression cannot schedule rounds, judged from {@code now}: not a cron expression,
     * never fires (in the next two years), or fires more than once a week. Empty when it can.
     */
    public static Optional<Problem> check(String cron, ZoneId zone, Instant now) {
        Cron parsed;
        try {
            parsed = of(cron, zone);
        } catch (IllegalArgumentException e) {
            return Optional.of(Problem.INVALID);
        }
        List<Instant> fires = parsed.next(now, FIRES_CHECKED);
        if (fires.isEmpty() || fires.get(0).isAfter(now.plus(HORIZON))) {
            return Optional.of(Problem.NEVER_FIRES);
        }
        for (int i = 1; i < fires.size(); i++) {
            if (Duration.between(fires.get(i - 1), fires.get(i)).compareTo(MIN_GAP) < 0) {
                return Optional.of(Problem.TOO_OFTEN);
            }
        }
        return Optional.empty();
    }

    /** The next {@code count} moments it fires, strictly after {@code after}. */
    public List<Instant> next(Instant after, int count) {
        List<Instant> fires = new ArrayList<>();
        Date cursor = Date.from(after);
        while (fires.size() < count) {
            Date next = expression.getNextValidTimeAfter(cursor);
            if (next == null) {
                break;
            }
            fires.add(next.toInstant());
            cursor = next;
        }
        return fires;
    }

    /** The last moment it fired in {@code (from, to]}, if any. */
    public Optional<Instant> lastFireBetween(Instant from, Instant to) {
        Optional<Instant> last = Optional.empty();
        Date cursor = Date.from(from);
        while (true) {
            Date next = expression.getNextValidTimeAfter(cursor);
            if (next == null || next.toInstant().isAfter(to)) {
                return last;
            }
            last = Optional.of(next.toInstant());
            cursor = next;
        }
    }
}
