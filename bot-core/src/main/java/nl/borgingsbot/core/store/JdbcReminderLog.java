package nl.borgingsbot.core.store;

import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import nl.borgingsbot.core.round.ReminderLog;

/** Claimed reminders in table {@code reminder}; the table's keys make a claim exactly-once. */
public final class JdbcReminderLog implements ReminderLog {

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcReminderLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean claim(long roundId, long partnerId, String slot, LocalDate day, Instant at) {
        try {
            jdbc.write("claim reminder " + slot + " of partner " + partnerId + " in round " + roundId,
                    c -> Jdbc.update(c, "INSERT INTO reminder (round_id, partner_id, slot, day, sent_at) VALUES (?, ?, ?, ?, ?)",
                            roundId, partnerId, slot, day.toString(), at),
                    AlreadyClaimed::new);
            return true;
        } catch (AlreadyClaimed e) {
            return false;
        }
    }

    @Override
    public void release(long roundId, long partnerId, String slot) {
        jdbc.write("release reminder " + slot + " of partner " + partnerId + " in round " + roundId,
                c -> Jdbc.update(c, "DELETE FROM reminder WHERE round_id = ? AND partner_id = ? AND slot = ?",
                        roundId, partnerId, slot));
    }

    /** Someone (another instance, or an earlier tick) claimed this reminder already. */
    private static final class AlreadyClaimed extends RuntimeException {
    }
}
