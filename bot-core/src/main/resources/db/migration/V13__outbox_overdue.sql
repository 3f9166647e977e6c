-- Issues 10 and 11 (until delivered): a throttled message is retried until it goes through. When
-- it is still not through an hour after its first attempt, the programme manager is told once:
-- overdue_at is when that was claimed, so a restart or a second instance does not tell it again.
-- Same conventions as V1 (TEXT times in Timestamps' fixed-width form).
ALTER TABLE outbox ADD COLUMN overdue_at TEXT;

-- A fan-out whose outcome someone must hear once every row is delivered or failed (a round's
-- invitations, reminders): what it was (topic, region, round, how many were away, the reminder
-- slot), and announced_at, claimed once in the same transaction as the outcome's own rows, so
-- exactly one outcome message goes out, also when the process restarts mid-fan-out.
CREATE TABLE outbox_batch (
    batch_id     TEXT    NOT NULL PRIMARY KEY,
    topic        TEXT    NOT NULL,
    region_id    BIGINT  NOT NULL,
    round_id     BIGINT  NOT NULL,
    away         INTEGER NOT NULL,
    slot         TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    announced_at TEXT
);
CREATE INDEX outbox_batch_open ON outbox_batch (announced_at);
