package nl.borgingsbot.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import nl.borgingsbot.core.checkin.Answers;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.CheckInRepository;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.checkin.Step;

/**
 * Check-ins in table {@code checkin} and their answers in {@code answer}, one row per reflection
 * or score. An answer and the step it moves the conversation to are written in one transaction,
 * so after a restart the conversation resumes exactly where the last stored answer left it.
 * A score's empty toelichting is stored as NULL.
 */
public final class JdbcCheckInRepository implements CheckInRepository {

    private static final String REFLECTION = "reflection";
    private static final String SCORE = "score";

    /** A check-in with its answers, one row per answer (or one row without an answer). */
    private static final String SELECT_CHECKIN = "SELECT c.id, c.round_id, c.partner_id, c.step, c.editing,"
            + " c.submitted_at, a.kind, a.item_id, a.score, a.text"
            + " FROM checkin c LEFT JOIN answer a ON a.checkin_id = c.id";

    private static final String UPSERT_ANSWER = "INSERT INTO answer (checkin_id, kind, item_id, score, text, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (checkin_id, kind, item_id)"
            + " DO UPDATE SET score = excluded.score, text = excluded.text, updated_at = excluded.updated_at";

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcCheckInRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public CheckIn createOrGet(long roundId, long partnerId) {
        return jdbc.write("start the check-in of partner " + partnerId + " in round " + roundId, c -> {
            Jdbc.update(c, "INSERT INTO checkin (round_id, partner_id, step, editing) VALUES (?, ?, ?, FALSE)"
                    + " ON CONFLICT (round_id, partner_id) DO NOTHING", roundId, partnerId, Step.INTRO.encode());
            return single(c, " WHERE c.round_id = ? AND c.partner_id = ?", roundId, partnerId).orElseThrow();
        });
    }

    @Override
    public List<CheckIn> ofPartner(long partnerId) {
        return jdbc.read("read the check-ins of partner " + partnerId,
                c -> checkIns(c, " WHERE c.partner_id = ?", partnerId));
    }

    @Override
    public int eraseText(long roundId) {
        return jdbc.write("erase the free text of round " + roundId, c -> {
            String ofRound = " AND checkin_id IN (SELECT id FROM checkin WHERE round_id = ?)";
            int reflections = Jdbc.update(c, "DELETE FROM answer WHERE kind = 'reflection'" + ofRound, roundId);
            int notes = Jdbc.update(c, "UPDATE answer SET text = NULL WHERE kind = 'score' AND text IS NOT NULL" + ofRound,
                    roundId);
            return reflections + notes;
        });
    }

    @Override
    public Optional<CheckIn> createIfAbsent(long roundId, long partnerId) {
        return jdbc.write("start the check-in of partner " + partnerId + " in round " + roundId, c -> {
            int created = Jdbc.update(c, "INSERT INTO checkin (round_id, partner_id, step, editing)"
                            + " VALUES (?, ?, ?, FALSE) ON CONFLICT (round_id, partner_id) DO NOTHING",
                    roundId, partnerId, Step.INTRO.encode());
            return created == 1 ? single(c, " WHERE c.round_id = ? AND c.partner_id = ?", roundId, partnerId)
                    : Optional.<CheckIn>empty();
        });
    }

    @Override
    public Optional<CheckIn> find(long roundId, long partnerId) {
        return jdbc.read("read the check-in of partner " + partnerId + " in round " + roundId,
                c -> single(c, " WHERE c.round_id = ? AND c.partner_id = ?", roundId, partnerId));
    }

    @Override
    public Optional<CheckIn> byId(long checkInId) {
        return jdbc.read("read check-in " + checkInId, c -> single(c, " WHERE c.id = ?", checkInId));
    }

    /** {@inheritDoc} In the order they were started. */
    @Override
    public List<CheckIn> ofRound(long roundId) {
        return jdbc.read("read the check-ins of round " + roundId,
                c -> checkIns(c, " WHERE c.round_id = ?", roundId));
    }

    @Override
    public void moveTo(long checkInId, Step step, boolean editing) {
        Objects.requireNonNull(step, "step");
        jdbc.write("move check-in " + checkInId + " to " + step.encode(), c -> {
            move(c, checkInId, step, editing);
            return null;
        });
    }

    @Override
    public void saveReflection(long checkInId, String promptId, String text, Step next, boolean editing, Instant at) {
        Objects.requireNonNull(promptId, "promptId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        jdbc.write("save reflection " + promptId + " of check-in " + checkInId, c -> {
            move(c, checkInId, next, editing);
            Jdbc.update(c, UPSERT_ANSWER, checkInId, REFLECTION, promptId, null, text, at);
            return null;
        });
    }

    @Override
    public void saveScore(long checkInId, String elementId, Score score, Step next, boolean editing, Instant at) {
        Objects.requireNonNull(elementId, "elementId");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        String note = score.note().filter(text -> !text.isEmpty()).orElse(null);
        jdbc.write("save score " + elementId + " of check-in " + checkInId, c -> {
            move(c, checkInId, next, editing);
            Jdbc.update(c, UPSERT_ANSWER, checkInId, SCORE, elementId, score.value(), note, at);
            return null;
        });
    }

    /** {@inheritDoc} Submitting again (after an edit) keeps the first time and ends the edit. */
    @Override
    public void submit(long checkInId, Instant at) {
        Objects.requireNonNull(at, "at");
        jdbc.write("submit check-in " + checkInId, c -> {
            int changed = Jdbc.update(c, "UPDATE checkin SET step = ?, editing = FALSE,"
                    + " submitted_at = COALESCE(submitted_at, ?) WHERE id = ?", Step.DONE.encode(), at, checkInId);
            requireFound(changed, checkInId);
            return null;
        });
    }

    private static void move(Connection c, long checkInId, Step step, boolean editing) throws SQLException {
        int changed = Jdbc.update(c, "UPDATE checkin SET step = ?, editing = ? WHERE id = ?",
                step.encode(), editing, checkInId);
        requireFound(changed, checkInId);
    }

    private static void requireFound(int changed, long checkInId) {
        if (changed == 0) {
            throw new IllegalArgumentException("No check-in with id " + checkInId);
        }
    }

    private static Optional<CheckIn> single(Connection c, String where, Object... params) throws SQLException {
        List<CheckIn> found = checkIns(c, where, params);
        return found.stream().findFirst();
    }

    /** The check-ins matching {@code where}, with their answers, read in one statement. */
    private static List<CheckIn> checkIns(Connection c, String where, Object... params) throws SQLException {
        Map<Long, Assembly> byId = new LinkedHashMap<>();
        Jdbc.forEach(c, SELECT_CHECKIN + where + " ORDER BY c.id",
                row -> byId.computeIfAbsent(row.getLong("id"), id -> new Assembly()).add(row), params);
        List<CheckIn> result = new ArrayList<>(byId.size());
        for (Assembly assembly : byId.values()) {
            result.add(assembly.checkIn());
        }
        return result;
    }

    /** Collects the rows of one check-in. */
    private static final class Assembly {
        private CheckIn head;
        private final Map<String, String> reflections = new HashMap<>();
        private final Map<String, Score> scores = new HashMap<>();

        void add(ResultSet row) throws SQLException {
            if (head == null) {
                head = new CheckIn(row.getLong("id"), row.getLong("round_id"), row.getLong("partner_id"),
                        Step.decode(row.getString("step")), row.getBoolean("editing"),
                        Jdbc.optionalInstant(row, "submitted_at"), Answers.NONE);
            }
            String kind = row.getString("kind");
            if (REFLECTION.equals(kind)) {
                reflections.put(row.getString("item_id"), row.getString("text"));
            } else if (SCORE.equals(kind)) {
                scores.put(row.getString("item_id"), new Score(row.getInt("score"), Jdbc.optionalText(row, "text")));
            }
        }

        CheckIn checkIn() {
            return new CheckIn(head.id(), head.roundId(), head.partnerId(), head.step(), head.editing(),
                    head.submittedAt(), new Answers(reflections, scores));
        }
    }
}
