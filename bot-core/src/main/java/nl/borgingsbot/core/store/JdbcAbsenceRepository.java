package nl.borgingsbot.core.store;

import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import nl.borgingsbot.core.region.AbsenceRepository;

/** Absences in table {@code absence}, one row per partner. */
public final class JdbcAbsenceRepository implements AbsenceRepository {

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcAbsenceRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<LocalDate> until(long partnerId) {
        return jdbc.read("read the absence of partner " + partnerId, c -> Jdbc.one(c,
                "SELECT until FROM absence WHERE partner_id = ?", row -> LocalDate.parse(row.getString(1)), partnerId));
    }

    @Override
    public void set(long partnerId, LocalDate lastDay) {
        jdbc.write("record the absence of partner " + partnerId, c -> Jdbc.update(c,
                "INSERT INTO absence (partner_id, until) VALUES (?, ?) ON CONFLICT (partner_id)"
                        + " DO UPDATE SET until = excluded.until", partnerId, lastDay.toString()));
    }

    @Override
    public boolean clear(long partnerId) {
        return jdbc.write("end the absence of partner " + partnerId,
                c -> Jdbc.update(c, "DELETE FROM absence WHERE partner_id = ?", partnerId)) > 0;
    }
}
