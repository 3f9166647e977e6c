package nl.borgingsbot.core.store;

import java.util.List;

import javax.sql.DataSource;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.privacy.Forgetting;

/** Forgets a person across every table, in one transaction. */
public final class JdbcForgetting implements Forgetting {

    private static final String FORGOTTEN_ORGANISATION = "-";

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcForgetting(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public int forget(ChatUser person) {
        Object[] who = {person.platform().key(), person.workspace(), person.userId()};
        return jdbc.write("forget a person", c -> {
            List<Long> partners = Jdbc.list(c, "SELECT id FROM partner WHERE platform = ? AND workspace = ? AND user_id = ?",
                    row -> row.getLong(1), who);
            for (long partner : partners) {
                String theirs = " AND checkin_id IN (SELECT id FROM checkin WHERE partner_id = ?)";
                String openRounds = " AND checkin_id IN (SELECT c.id FROM checkin c JOIN round r ON r.id = c.round_id"
                        + " WHERE c.partner_id = ? AND r.state = 'OPEN')";
                Jdbc.update(c, "DELETE FROM answer WHERE kind = 'reflection'" + theirs, partner);
                Jdbc.update(c, "UPDATE answer SET text = NULL WHERE kind = 'score'" + theirs, partner);
                Jdbc.update(c, "DELETE FROM answer WHERE 1 = 1" + openRounds, partner);
                Jdbc.update(c, "DELETE FROM checkin WHERE partner_id = ? AND round_id IN"
                        + " (SELECT id FROM round WHERE state = 'OPEN')", partner);
                Jdbc.update(c, "DELETE FROM reminder WHERE partner_id = ?", partner);
                Jdbc.update(c, "DELETE FROM absence WHERE partner_id = ?", partner);
                Jdbc.update(c, "DELETE FROM personal_result_off WHERE partner_id = ?", partner);
                Jdbc.update(c, "DELETE FROM outbox WHERE partner_id = ?", partner);
                Jdbc.update(c, "UPDATE partner SET user_id = ?, name = '', organisation = ?, active = FALSE WHERE id = ?",
                        "forgotten-" + partner, FORGOTTEN_ORGANISATION, partner);
            }
            Jdbc.update(c, "DELETE FROM region_manager WHERE platform = ? AND workspace = ? AND user_id = ?", who);
            Jdbc.update(c, "DELETE FROM outbox WHERE target = 'user' AND platform = ? AND workspace = ? AND target_id = ?", who);
            Jdbc.update(c, "UPDATE action SET owner_platform = NULL, owner_workspace = NULL, owner_user_id = NULL"
                    + " WHERE owner_platform = ? AND owner_workspace = ? AND owner_user_id = ?", who);
            return partners.size();
        });
    }
}
