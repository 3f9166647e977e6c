package nl.borgingsbot.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.outbox.Envelope;
import nl.borgingsbot.core.outbox.OutboxStore;

/**
 * The outbox in table {@code outbox} (V12); a row is claimed by a conditional UPDATE, so by one
 * dispatcher. A row that is done keeps why, to whom and how it ended, not what it said.
 */
public final class JdbcOutboxStore implements OutboxStore {

    private static final String DUE = "((o.state = 'pending' AND o.next_attempt <= ?) OR (o.state = 'sending' AND o.lease_until <= ?))";

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcOutboxStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(String batch, List<New> rows, Instant now) {
        jdbc.write("add " + rows.size() + " message(s) to the outbox", c -> insert(c, batch, rows, now));
    }

    @Override
    public void add(String batch, Fanout fanout, List<New> rows, Instant now) {
        jdbc.write("add a fan-out of " + rows.size() + " message(s) to the outbox", c -> {
            Jdbc.update(c, "INSERT INTO outbox_batch (batch_id, topic, region_id, round_id, away, slot, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", batch, fanout.topic(), fanout.regionId(), fanout.roundId(),
                    fanout.away(), fanout.slot(), now);
            return insert(c, batch, rows, now);
        });
    }

    @Override
    public Optional<Fanout> untold(String batch) {
        return jdbc.read("read an outbox fan-out", c -> Jdbc.one(c,
                "SELECT * FROM outbox_batch WHERE batch_id = ? AND announced_at IS NULL",
                r -> new Fanout(r.getString("topic"), r.getLong("region_id"), r.getLong("round_id"), r.getInt("away"),
                        r.getString("slot")), batch));
    }

    @Override
    public boolean tell(String batch, List<New> rows, Instant now) {
        return jdbc.write("tell the outcome of an outbox fan-out", c -> {
            if (Jdbc.update(c, "UPDATE outbox_batch SET announced_at = ? WHERE batch_id = ? AND announced_at IS NULL",
                    now, batch) != 1) {
                return false;
            }
            insert(c, batch, rows, now);
            return true;
        });
    }

    @Override
    public List<String> doneButUntold() {
        return jdbc.read("find the fan-outs done but not told", c -> Jdbc.list(c,
                "SELECT b.batch_id FROM outbox_batch b WHERE b.announced_at IS NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM outbox o WHERE o.batch_id = b.batch_id AND o.state IN ('pending', 'sending'))"
                        + " ORDER BY b.created_at", r -> r.getString(1)));
    }

    @Override
    public List<Outcome> markOverdue(String batch, Instant firstAttemptBy, Instant now) {
        List<Outcome> late = jdbc.read("find overdue outbox rows", c -> Jdbc.list(c,
                "SELECT * FROM outbox WHERE batch_id = ? AND state IN ('pending', 'sending') AND overdue_at IS NULL"
                        + " AND first_attempt <= ? ORDER BY seq", JdbcOutboxStore::outcome, batch, firstAttemptBy));
        List<Outcome> marked = new ArrayList<>();
        for (Outcome row : late) {
            if (jdbc.write("mark outbox row " + row.id() + " overdue", c -> Jdbc.update(c,
                    "UPDATE outbox SET overdue_at = ? WHERE id = ? AND overdue_at IS NULL", now, row.id())) == 1) {
                marked.add(row);
            }
        }
        return marked;
    }

    private static Void insert(Connection c, String batch, List<New> rows, Instant now) throws SQLException {
        int seq = Jdbc.one(c, "SELECT COUNT(*) FROM outbox WHERE batch_id = ?", r -> r.getInt(1), batch).orElse(0);
        List<Long> ids = new ArrayList<>();
        for (New row : rows) {
            Long parent = row.parent().map(ids::get).orElse(null);
            ids.add(Jdbc.insert(c, "INSERT INTO outbox (batch_id, seq, kind, region_id, round_id, partner_id, platform,"
                            + " workspace, target, target_id, parent_id, message, state, attempts, next_attempt, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING id",
                    batch, seq++, row.kind().name(), row.about().regionId(), row.about().roundId(),
                    row.about().partnerId(), row.platform().key(), row.workspace(), row.target(), row.targetId(),
                    parent, row.message(), now, now));
        }
        return null;
    }

    @Override
    public List<Row> claim(Instant now, Instant leaseUntil, int limit) {
        List<Row> due = jdbc.read("find due outbox rows", c -> Jdbc.list(c,
                "SELECT o.*, p.state AS parent_state, p.posted_channel AS parent_channel, p.posted_id AS parent_post"
                        + " FROM outbox o LEFT JOIN outbox p ON p.id = o.parent_id"
                        + " WHERE " + DUE + " AND (o.parent_id IS NULL OR p.state = 'delivered')"
                        + " ORDER BY o.next_attempt, o.id LIMIT ?",
                JdbcOutboxStore::row, now, now, limit));
        List<Row> claimed = new ArrayList<>();
        for (Row row : due) {
            int won = jdbc.write("claim outbox row " + row.id(), c -> Jdbc.update(c,
                    "UPDATE outbox SET state = 'sending', lease_until = ? WHERE id = ? AND "
                            + DUE.replace("o.", ""), leaseUntil, row.id(), now, now));
            if (won == 1) {
                claimed.add(row);
            }
        }
        return claimed;
    }

    @Override
    public void delivered(long id, int attempts, Instant firstAttempt, Optional<PostedMessage> posted, Instant now) {
        jdbc.write("mark outbox row " + id + " delivered", c -> Jdbc.update(c,
                "UPDATE outbox SET state = 'delivered', message = '', attempts = ?, first_attempt = ?, lease_until = NULL,"
                        + " posted_channel = ?, posted_id = ?, done_at = ? WHERE id = ?",
                attempts, firstAttempt, posted.map(p -> p.channel().channelId()).orElse(null),
                posted.map(PostedMessage::messageId).orElse(null), now, id));
    }

    @Override
    public void retry(long id, int attempts, Instant firstAttempt, Instant next, DeliveryException.Reason reason,
                      String detail) {
        jdbc.write("reschedule outbox row " + id, c -> Jdbc.update(c,
                "UPDATE outbox SET state = 'pending', attempts = ?, first_attempt = ?, next_attempt = ?,"
                        + " lease_until = NULL, failure_reason = ?, failure_detail = ? WHERE id = ?",
                attempts, firstAttempt, next, reason.name(), detail, id));
    }

    @Override
    public void failed(long id, int attempts, Instant firstAttempt, DeliveryException.Reason reason, String detail,
                       Instant now) {
        jdbc.write("mark outbox row " + id + " failed", c -> Jdbc.update(c,
                "UPDATE outbox SET state = 'failed', message = '', attempts = ?, first_attempt = ?, lease_until = NULL,"
                        + " failure_reason = ?, failure_detail = ?, done_at = ? WHERE id = ?",
                attempts, firstAttempt, reason.name(), detail, now, id));
    }

    @Override
    public int failOrphans(Instant now) {
        return jdbc.write("fail the replies to undelivered posts", c -> Jdbc.update(c,
                "UPDATE outbox SET state = 'failed', failure_reason = 'OTHER',"
                        + " failure_detail = 'the message it replies to was not delivered', done_at = ?"
                        + " WHERE state = 'pending' AND parent_id IN (SELECT id FROM outbox WHERE state = 'failed')", now));
    }

    @Override
    public Optional<Instant> nextDue() {
        return jdbc.read("find the next due outbox row", c -> Jdbc.one(c,
                "SELECT MIN(CASE WHEN o.state = 'pending' THEN o.next_attempt ELSE o.lease_until END)"
                        + " FROM outbox o LEFT JOIN outbox p ON p.id = o.parent_id"
                        + " WHERE o.state IN ('pending', 'sending') AND (o.parent_id IS NULL OR p.state = 'delivered')",
                r -> Optional.ofNullable(Timestamps.parse(r.getString(1))))).flatMap(o -> o);
    }

    @Override
    public List<Outcome> batch(String batch) {
        return jdbc.read("read outbox batch", c -> Jdbc.list(c,
                "SELECT * FROM outbox WHERE batch_id = ? ORDER BY seq", JdbcOutboxStore::outcome, batch));
    }

    @Override
    public int unfinished() {
        return jdbc.read("count the outbox", c -> Jdbc.one(c,
                "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')", r -> r.getInt(1)).orElse(0));
    }

    private static Envelope.About about(ResultSet r) throws SQLException {
        return new Envelope.About(r.getLong("region_id"), r.getLong("round_id"), r.getLong("partner_id"));
    }

    private static Row row(ResultSet r) throws SQLException {
        Platform platform = Platform.of(r.getString("platform"));
        String workspace = r.getString("workspace");
        String parentChannel = Optional.ofNullable(r.getString("parent_channel")).orElse("");
        Optional<PostedMessage> parent = Jdbc.optionalText(r, "parent_post").map(post -> new PostedMessage(
                new ChatChannel(platform, workspace, parentChannel), post));
        return new Row(r.getLong("id"), r.getString("batch_id"), Envelope.Kind.valueOf(r.getString("kind")), about(r),
                platform, workspace, r.getString("target"), r.getString("target_id"), parent, r.getString("message"),
                r.getInt("attempts"), Jdbc.optionalInstant(r, "first_attempt"));
    }

    private static Outcome outcome(ResultSet r) throws SQLException {
        Platform platform = Platform.of(r.getString("platform"));
        String workspace = r.getString("workspace");
        String channel = Optional.ofNullable(r.getString("posted_channel")).orElse("");
        Optional<PostedMessage> posted = Jdbc.optionalText(r, "posted_id").map(id -> new PostedMessage(
                new ChatChannel(platform, workspace, channel), id));
        return new Outcome(r.getLong("id"), r.getInt("seq"), Envelope.Kind.valueOf(r.getString("kind")), about(r),
                State.valueOf(r.getString("state").toUpperCase(Locale.ROOT)),
                Jdbc.optionalText(r, "failure_reason").map(DeliveryException.Reason::valueOf),
                Optional.ofNullable(r.getString("failure_detail")).orElse(""), posted);
    }
}
