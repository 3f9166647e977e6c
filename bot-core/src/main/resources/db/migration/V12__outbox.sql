-- Issue 11 (a national Monday): every message the bot delivers in bulk is a row here first, and a
-- dispatcher delivers it and marks it done, so a restart resumes where it was and nothing is dropped.
-- Same conventions as V1 (TEXT times in Timestamps' fixed-width form, ${id_pk}).
--
-- Why: kind, region, round, partner (0 when none). To whom: platform, workspace and a user, a
-- channel, or the thread of the row parent_id (delivered first; its posted_* says where).
-- What: message, the Message as JSON. State: pending -> sending (leased to one dispatcher until
-- lease_until) -> delivered | failed, with attempts, next_attempt and the last failure.
CREATE TABLE outbox (
    id             ${id_pk},
    batch_id       TEXT    NOT NULL,  -- one fan-out; its failures reach the programme manager together
    seq            INTEGER NOT NULL,  -- position in the batch
    kind           TEXT    NOT NULL,  -- Envelope.Kind
    region_id      BIGINT  NOT NULL,
    round_id       BIGINT  NOT NULL,
    partner_id     BIGINT  NOT NULL,
    platform       TEXT    NOT NULL,
    workspace      TEXT    NOT NULL,
    target         TEXT    NOT NULL CHECK (target IN ('user', 'channel', 'thread')),
    target_id      TEXT    NOT NULL,  -- user or channel id; '' for a thread reply
    parent_id      BIGINT,
    message        TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
    attempts       INTEGER NOT NULL,
    first_attempt  TEXT,
    next_attempt   TEXT    NOT NULL,
    lease_until    TEXT,
    failure_reason TEXT,              -- DeliveryException.Reason of the last failure
    failure_detail TEXT,
    posted_channel TEXT,              -- delivered channel post (or thread reply): the thread's channel and message
    posted_id      TEXT,
    created_at     TEXT    NOT NULL,
    done_at        TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt);
CREATE INDEX outbox_by_batch ON outbox (batch_id, seq);
