package nl.borgingsbot.core.store;

import javax.sql.DataSource;

import nl.borgingsbot.core.personal.PersonalResultSettings;

/** In table {@code personal_result_off}: a row for each partner who switched their own result off. */
public final class JdbcPersonalResultSettings implements PersonalResultSettings {

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcPersonalResultSettings(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean wanted(long partnerId) {
        return jdbc.read("read the personal-result setting of partner " + partnerId, c -> Jdbc.one(c,
                "SELECT partner_id FROM personal_result_off WHERE partner_id = ?", row -> row.getLong(1), partnerId))
                .isEmpty();
    }

    @Override
    public void setWanted(long partnerId, boolean wanted) {
        jdbc.write("set the personal-result setting of partner " + partnerId, c -> wanted
                ? Jdbc.update(c, "DELETE FROM personal_result_off WHERE partner_id = ?", partnerId)
                : Jdbc.update(c, "INSERT INTO personal_result_off (partner_id) VALUES (?) ON CONFLICT (partner_id) DO NOTHING",
                        partnerId));
    }
}
