package nl.borgingsbot.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import nl.borgingsbot.core.checkin.Answers;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.CheckInRepository;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.checkin.Step;

/** Check-ins and their answers in SQL: each answer is stored, with the step it leads to, in one transaction. */
public final class JdbcCheckInRepository implements CheckInRepository {

    private static final String CHECKIN = "SELECT id, round_id, partner_id, step, editing, submitted_at FROM checkin ";
    private static final String REFLECTION = "reflection";
    private static final String SCORE = "score";

    private final Jdbc jdbc;

    public JdbcCheckInRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public CheckIn createOrGet(long roundId, long partnerId) {
        return jdbc.transaction(c -> {
            Jdbc.update(c, "INSERT INTO checkin (round_id, partner_id, step, editing) VALUES (?,?,?,?) "
                    + "ON CONFLICT (round_id, partner_id) DO NOTHING", roundId, partnerId, Step.INTRO.encode(), false);
            return withAnswers(c, Jdbc.query(c, CHECKIN + "WHERE round_id = ? AND partner_id = ?",
                    JdbcCheckInRepository::bare, roundId, partnerId)).get(0);
        });
    }

    @Override
    public Optional<CheckIn> find(long roundId, long partnerId) {
        return jdbc.single(c -> withAnswers(c, Jdbc.query(c, CHECKIN + "WHERE round_id = ? AND partner_id = ?",
                JdbcCheckInRepository::bare, roundId, partnerId))).stream().findFirst();
    }

    @Override
    public Optional<CheckIn> byId(long checkInId) {
        return jdbc.single(c -> withAnswers(c, Jdbc.query(c, CHECKIN + "WHERE id = ?", JdbcCheckInRepository::bare,
                checkInId))).stream().findFirst();
    }

    @Override
    public List<CheckIn> ofRound(long roundId) {
        return jdbc.single(c -> withAnswers(c, Jdbc.query(c, CHECKIN + "WHERE round_id = ? ORDER BY id",
                JdbcCheckInRepository::bare, roundId)));
    }

    @Override
    public void moveTo(long checkInId, Step step, boolean editing) {
        jdbc.update("UPDATE checkin SET step = ?, editing = ? WHERE id = ?", step.encode(), editing, checkInId);
    }

    @Override
    public void saveReflection(long checkInId, String promptId, String text, Step next, boolean editing, Instant at) {
        saveAnswer(checkInId, REFLECTION, promptId, null, text, next, editing, at);
    }

    @Override
    public void saveScore(long checkInId, String elementId, Score score, Step next, boolean editing, Instant at) {
        saveAnswer(checkInId, SCORE, elementId, score.value(), score.note().orElse(null), next, editing, at);
    }

    private void saveAnswer(long checkInId, String kind, String itemId, Integer score, String text, Step next,
                            boolean editing, Instant at) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "INSERT INTO answer (checkin_id, kind, item_id, score, text, updated_at) VALUES (?,?,?,?,?,?) "
                            + "ON CONFLICT (checkin_id, kind, item_id) DO UPDATE SET score = excluded.score, "
                            + "text = excluded.text, updated_at = excluded.updated_at",
                    checkInId, kind, itemId, score, text, at.toEpochMilli());
            return Jdbc.update(c, "UPDATE checkin SET step = ?, editing = ? WHERE id = ?", next.encode(), editing, checkInId);
        });
    }

    @Override
    public void submit(long checkInId, Instant at) {
        jdbc.update("UPDATE checkin SET step = ?, editing = ?, submitted_at = COALESCE(submitted_at, ?) WHERE id = ?",
                Step.DONE.encode(), false, at.toEpochMilli(), checkInId);
    }

    /** Adds the answers to check-ins read without them, in one query. */
    private static List<CheckIn> withAnswers(Connection c, List<CheckIn> checkIns) throws SQLException {
        if (checkIns.isEmpty()) {
            return checkIns;
        }
        Map<Long, Map<String, String>> reflections = new HashMap<>();
        Map<Long, Map<String, Score>> scores = new HashMap<>();
        String ids = String.join(",", checkIns.stream().map(ci -> "?").toList());
        Object[] params = checkIns.stream().map(CheckIn::id).toArray();
        Jdbc.query(c, "SELECT checkin_id, kind, item_id, score, text FROM answer WHERE checkin_id IN (" + ids + ")",
                row -> {
                    long id = row.getLong("checkin_id");
                    if (REFLECTION.equals(row.getString("kind"))) {
                        reflections.computeIfAbsent(id, k -> new HashMap<>()).put(row.getString("item_id"), row.getString("text"));
                    } else {
                        scores.computeIfAbsent(id, k -> new HashMap<>()).put(row.getString("item_id"),
                                new Score(row.getInt("score"), Optional.ofNullable(row.getString("text"))));
                    }
                    return id;
                }, params);
        List<CheckIn> result = new ArrayList<>();
        for (CheckIn ci : checkIns) {
            result.add(new CheckIn(ci.id(), ci.roundId(), ci.partnerId(), ci.step(), ci.editing(), ci.submittedAt(),
                    new Answers(reflections.getOrDefault(ci.id(), Map.of()), scores.getOrDefault(ci.id(), Map.of()))));
        }
        return result;
    }

    private static CheckIn bare(ResultSet row) throws SQLException {
        return new CheckIn(row.getLong("id"), row.getLong("round_id"), row.getLong("partner_id"),
                Step.decode(row.getString("step")), row.getBoolean("editing"),
                Jdbc.optionalLong(row, "submitted_at").map(Instant::ofEpochMilli), Answers.NONE);
    }
}
