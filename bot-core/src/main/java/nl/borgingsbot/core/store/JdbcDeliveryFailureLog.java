package nl.borgingsbot.core.store;

import java.time.Instant;

import javax.sql.DataSource;

import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.round.DeliveryFailureLog;

/** Reported delivery failures in table {@code delivery_failure}; its key makes a report exactly-once. */
public final class JdbcDeliveryFailureLog implements DeliveryFailureLog {

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcDeliveryFailureLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean claim(long partnerId, String scope, DeliveryException.Reason reason, Instant at) {
        try {
            jdbc.write("record a delivery failure of partner " + partnerId + " in " + scope,
                    c -> Jdbc.update(c, "INSERT INTO delivery_failure (partner_id, scope, reason, reported_at)"
                            + " VALUES (?, ?, ?, ?)", partnerId, scope, reason.name(), at),
                    AlreadyReported::new);
            return true;
        } catch (AlreadyReported e) {
            return false;
        }
    }

    /** Someone (another instance, or an earlier attempt) reported this failure already. */
    private static final class AlreadyReported extends RuntimeException {
    }
}
