package nl.borgingsbot.core.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import nl.borgingsbot.core.national.ConsentRepository;

/** The national-comparison consent in table {@code national_consent}, one row per region that ever chose. */
public final class JdbcConsentRepository implements ConsentRepository {

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcConsentRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean sharing(long regionId) {
        return jdbc.read("read the national consent of region " + regionId, c -> Jdbc.one(c,
                "SELECT sharing FROM national_consent WHERE region_id = ?", row -> row.getBoolean(1), regionId))
                .orElse(false);
    }

    @Override
    public void set(long regionId, boolean sharing, Instant at) {
        jdbc.write("record the national consent of region " + regionId, c -> Jdbc.update(c,
                "INSERT INTO national_consent (region_id, sharing, since) VALUES (?, ?, ?) ON CONFLICT (region_id)"
                        + " DO UPDATE SET sharing = excluded.sharing, since = excluded.since", regionId, sharing, at));
    }

    @Override
    public Set<Long> sharingRegions() {
        return jdbc.read("read the regions that share nationally", c -> new HashSet<>(Jdbc.list(c,
                "SELECT region_id FROM national_consent WHERE sharing = TRUE", row -> row.getLong(1))));
    }
}
