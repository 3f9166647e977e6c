package nl.borgingsbot.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.round.RoundState;

/** Rounds in SQL; the database itself refuses a second open round for a region. */
public final class JdbcRoundRepository implements RoundRepository {

    private static final String ROUND = "SELECT id, region_id, number, questionnaire_id, state, opened_at, deadline, "
            + "closed_at FROM round ";

    private final Jdbc jdbc;

    public JdbcRoundRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Round open(long regionId, String questionnaireId, Instant openedAt, Instant deadline) {
        try {
            return jdbc.transaction(c -> {
                int number = Jdbc.query(c, "SELECT COALESCE(MAX(number), 0) FROM round WHERE region_id = ?",
                        row -> row.getInt(1), regionId).get(0) + 1;
                long id = Jdbc.insert(c, "INSERT INTO round (region_id, number, questionnaire_id, state, opened_at, "
                                + "deadline) VALUES (?,?,?,?,?,?) RETURNING id",
                        regionId, number, questionnaireId, RoundState.OPEN.name(), openedAt.toEpochMilli(),
                        deadline.toEpochMilli());
                return new Round(id, regionId, number, questionnaireId, RoundState.OPEN, millis(openedAt),
                        millis(deadline), Optional.empty());
            });
        } catch (StoreException.Duplicate e) {
            throw new IllegalStateException("region " + regionId + " already has an open round", e);
        }
    }

    @Override
    public Optional<Round> byId(long roundId) {
        return jdbc.one(ROUND + "WHERE id = ?", JdbcRoundRepository::round, roundId);
    }

    @Override
    public Optional<Round> openRound(long regionId) {
        return jdbc.one(ROUND + "WHERE region_id = ? AND state = ?", JdbcRoundRepository::round, regionId,
                RoundState.OPEN.name());
    }

    @Override
    public List<Round> ofRegion(long regionId) {
        return jdbc.query(ROUND + "WHERE region_id = ? ORDER BY number", JdbcRoundRepository::round, regionId);
    }

    @Override
    public Optional<Round> previousClosed(long regionId, int beforeNumber) {
        return jdbc.one(ROUND + "WHERE region_id = ? AND number < ? AND state IN (?, ?) ORDER BY number DESC",
                JdbcRoundRepository::round, regionId, beforeNumber, RoundState.CLOSED.name(), RoundState.REPORTED.name());
    }

    @Override
    public boolean close(long roundId, Instant closedAt) {
        return jdbc.update("UPDATE round SET state = ?, closed_at = ? WHERE id = ? AND state = ?",
                RoundState.CLOSED.name(), closedAt.toEpochMilli(), roundId, RoundState.OPEN.name()) == 1;
    }

    @Override
    public void markReported(long roundId) {
        jdbc.update("UPDATE round SET state = ? WHERE id = ? AND state = ?", RoundState.REPORTED.name(), roundId,
                RoundState.CLOSED.name());
    }

    @Override
    public List<Round> allOpen() {
        return jdbc.query(ROUND + "WHERE state = ? ORDER BY id", JdbcRoundRepository::round, RoundState.OPEN.name());
    }

    /** Stored times are milliseconds; so are the times a round is handed out with. */
    private static Instant millis(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }

    private static Round round(ResultSet row) throws SQLException {
        return new Round(row.getLong("id"), row.getLong("region_id"), row.getInt("number"),
                row.getString("questionnaire_id"), RoundState.valueOf(row.getString("state")),
                Instant.ofEpochMilli(row.getLong("opened_at")), Instant.ofEpochMilli(row.getLong("deadline")),
                Jdbc.optionalLong(row, "closed_at").map(Instant::ofEpochMilli));
    }
}
