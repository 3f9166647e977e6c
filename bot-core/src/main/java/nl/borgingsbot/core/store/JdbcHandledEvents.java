package nl.borgingsbot.core.store;

import java.time.Instant;

import javax.sql.DataSource;

import nl.borgingsbot.core.inbox.HandledEvents;

/** Handled event keys in table {@code inbound_event}; its primary key makes a key count once. */
public final class JdbcHandledEvents implements HandledEvents {

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcHandledEvents(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean handled(String key) {
        return jdbc.read("look up a handled event",
                c -> Jdbc.one(c, "SELECT 1 FROM inbound_event WHERE event_key = ?", row -> true, key).isPresent());
    }

    @Override
    public void remember(String key, Instant at) {
        try {
            jdbc.write("record a handled event",
                    c -> Jdbc.update(c, "INSERT INTO inbound_event (event_key, handled_at) VALUES (?, ?)", key, at),
                    AlreadyRecorded::new);
        } catch (AlreadyRecorded e) {
            // another instance handled it too, or recorded it first: one row is all we need
        }
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return jdbc.write("forget old handled events",
                c -> Jdbc.update(c, "DELETE FROM inbound_event WHERE handled_at < ?", cutoff));
    }

    private static final class AlreadyRecorded extends RuntimeException {
    }
}
