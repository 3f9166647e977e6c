package nl.borgingsbot.core.command;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a deadline as people in the region write it: {@code 2026-12-05}, {@code 5-12-2026},
 * {@code 5/12/2026}, {@code 5 december 2026}, {@code 5 dec 2026}. A round closes at the end of
 * that day (23:59) in the region's time zone.
 */
public final class DeadlineParser {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"),
            text("d MMMM uuuu", "nl"), text("d MMM uuuu", "nl"),
            text("d MMMM uuuu", "en"), text("d MMM uuuu", "en"));

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    private DeadlineParser() {
    }

    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        String cleaned = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (DateTimeFormatter format : FORMATS) {
            try {
                LocalDate date = LocalDate.parse(cleaned, format.withResolverStyle(ResolverStyle.STRICT));
                return Optional.of(date.atTime(END_OF_DAY).atZone(zone));
            } catch (DateTimeException ignored) {
                // try the next way of writing a date
            }
        }
        return Optional.empty();
    }

    /** The default deadline: the end of the day {@code days} days from now. */
    public static ZonedDateTime daysFrom(ZonedDateTime now, int days) {
        return now.toLocalDate().plusDays(days).atTime(END_OF_DAY).atZone(now.getZone());
    }

    private static DateTimeFormatter text(String pattern, String language) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.forLanguageTag(language));
    }
}
