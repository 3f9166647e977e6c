package nl.borgingsbot.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.round.RoundState;

/**
 * Rounds in table {@code round}. That a region has at most one open round is the database's own
 * rule (a unique index on open rounds), so two instances of the bot cannot both open one; and
 * closing is a conditional update, so of two closers exactly one closes.
 */
public final class JdbcRoundRepository implements RoundRepository {

    private static final String SELECT_ROUND = "SELECT id, region_id, number, questionnaire_id, state, opened_at,"
            + " deadline, closed_at, anonymous FROM round";

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcRoundRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Round open(long regionId, String questionnaireId, Instant openedAt, Instant deadline) {
        return insert(regionId, questionnaireId, null, openedAt, deadline,
                () -> new IllegalStateException("Region " + regionId + " already has an open round"));
    }

    @Override
    public Optional<Round> openScheduled(long regionId, String questionnaireId, Instant period, Instant openedAt,
                                         Instant deadline) {
        Objects.requireNonNull(period, "period");
        try {
            return Optional.of(insert(regionId, questionnaireId, period, openedAt, deadline, AlreadyThere::new));
        } catch (AlreadyThere e) {
            return Optional.empty();
        }
    }

    /** The period already has its round, or the region an open one. */
    private static final class AlreadyThere extends RuntimeException {
    }

    private Round insert(long regionId, String questionnaireId, Instant period, Instant openedAt, Instant deadline,
                         Supplier<RuntimeException> onDuplicate) {
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(deadline, "deadline");
        return jdbc.write("open a round in region " + regionId, c -> {
            int number = Jdbc.one(c, "SELECT COALESCE(MAX(number), 0) FROM round WHERE region_id = ?",
                    row -> row.getInt(1), regionId).orElse(0) + 1;
            boolean anonymous = Jdbc.one(c, "SELECT anonymous FROM region WHERE id = ?", row -> row.getBoolean(1),
                    regionId).orElseThrow(() -> new IllegalArgumentException("No region with id " + regionId));
            long id = Jdbc.insert(c, "INSERT INTO round (region_id, number, questionnaire_id, state, opened_at, deadline,"
                            + " period, anonymous) VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?) RETURNING id",
                    regionId, number, questionnaireId, openedAt, deadline, period, anonymous);
            return new Round(id, regionId, number, questionnaireId, RoundState.OPEN, openedAt, deadline,
                    Optional.empty(), anonymous);
        }, onDuplicate);
    }

    @Override
    public Optional<Round> byId(long roundId) {
        return jdbc.read("read round " + roundId,
                c -> Jdbc.one(c, SELECT_ROUND + " WHERE id = ?", JdbcRoundRepository::round, roundId));
    }

    @Override
    public Optional<Round> openRound(long regionId) {
        return jdbc.read("find the open round of region " + regionId, c -> Jdbc.one(c,
                SELECT_ROUND + " WHERE region_id = ? AND state = 'OPEN'", JdbcRoundRepository::round, regionId));
    }

    @Override
    public List<Round> ofRegion(long regionId) {
        return jdbc.read("list the rounds of region " + regionId, c -> Jdbc.list(c,
                SELECT_ROUND + " WHERE region_id = ? ORDER BY number", JdbcRoundRepository::round, regionId));
    }

    @Override
    public Optional<Round> previousClosed(long regionId, int beforeNumber) {
        return jdbc.read("find the round before round " + beforeNumber + " of region " + regionId, c -> Jdbc.one(c,
                SELECT_ROUND + " WHERE region_id = ? AND number < ? AND state IN ('CLOSED', 'REPORTED')"
                        + " ORDER BY number DESC LIMIT 1",
                JdbcRoundRepository::round, regionId, beforeNumber));
    }

    @Override
    public boolean close(long roundId, Instant closedAt) {
        Objects.requireNonNull(closedAt, "closedAt");
        return jdbc.write("close round " + roundId, c -> Jdbc.update(c,
                "UPDATE round SET state = 'CLOSED', closed_at = ? WHERE id = ? AND state = 'OPEN'",
                closedAt, roundId)) == 1;
    }

    /**
     * {@inheritDoc} Marking a round reported again is a no-op.
     *
     * @throws IllegalStateException    when the round is still open (or only scheduled)
     * @throws IllegalArgumentException when there is no such round
     */
    @Override
    public void markReported(long roundId) {
        jdbc.write("mark round " + roundId + " reported", c -> {
            if (Jdbc.update(c, "UPDATE round SET state = 'REPORTED' WHERE id = ? AND state = 'CLOSED'", roundId) == 1) {
                return null;
            }
            Optional<String> state = Jdbc.one(c, "SELECT state FROM round WHERE id = ?", row -> row.getString(1), roundId);
            if (state.isEmpty()) {
                throw new IllegalArgumentException("No round with id " + roundId);
            }
            if (!state.get().equals(RoundState.REPORTED.name())) {
                throw new IllegalStateException("Round " + roundId + " is " + state.get() + ", not CLOSED");
            }
            return null;
        });
    }

    @Override
    public List<Round> allOpen() {
        return jdbc.read("list the open rounds", c -> Jdbc.list(c,
                SELECT_ROUND + " WHERE state = 'OPEN' ORDER BY id", JdbcRoundRepository::round));
    }

    /** {@inheritDoc} Reads only (no write lock) when every partner has a position already. */
    @Override
    public Map<Long, Integer> labelPositions(long roundId, List<Long> unlabelled) {
        Map<Long, Integer> stored = jdbc.read("read the labels of round " + roundId, c -> labels(c, roundId));
        if (stored.keySet().containsAll(unlabelled)) {
            return stored;
        }
        return jdbc.write("label the partners of round " + roundId, c -> {
            Map<Long, Integer> positions = labels(c, roundId);
            int next = positions.values().stream().mapToInt(p -> p + 1).max().orElse(0);
            for (long partner : unlabelled) {
                if (!positions.containsKey(partner)) {
                    // another instance labelling at the same moment makes this a no-op, never a duplicate
                    Jdbc.update(c, "INSERT INTO round_label (round_id, partner_id, position) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING", roundId, partner, next++);
                }
            }
            return labels(c, roundId);
        });
    }

    private static Map<Long, Integer> labels(Connection c, long roundId) throws SQLException {
        Map<Long, Integer> positions = new HashMap<>();
        Jdbc.forEach(c, "SELECT partner_id, position FROM round_label WHERE round_id = ?",
                row -> positions.put(row.getLong(1), row.getInt(2)), roundId);
        return positions;
    }

    private static Round round(ResultSet row) throws SQLException {
        return new Round(row.getLong("id"), row.getLong("region_id"), row.getInt("number"),
                row.getString("questionnaire_id"), RoundState.valueOf(row.getString("state")),
                Jdbc.instant(row, "opened_at"), Jdbc.instant(row, "deadline"), Jdbc.optionalInstant(row, "closed_at"),
                row.getBoolean("anonymous"));
    }
}
