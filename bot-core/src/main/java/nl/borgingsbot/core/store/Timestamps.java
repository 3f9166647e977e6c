package nl.borgingsbot.core.store;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * How the store writes an {@link Instant}: ISO-8601 in UTC with always nine fractional digits,
 * e.g. {@code 2026-11-23T06:47:17.123456789Z}. The text is exact (an Instant comes back equal, to
 * the nanosecond), readable in any SQL console, and — being of fixed width — sorts and compares
 * in SQL like the instants themselves (for years 0000–9999), on SQLite and PostgreSQL alike.
 */
final class Timestamps {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private Timestamps() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The stored text back as an instant; {@code null} stays {@code null} (an absent time). */
    static Instant parse(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
