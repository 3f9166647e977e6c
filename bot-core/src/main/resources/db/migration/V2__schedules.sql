-- Rounds that run themselves (issue 5): a schedule per region, the period a scheduled round
-- belongs to, and which reminders went to whom. Same conventions as V1 (TEXT times, ${id_pk}).

CREATE TABLE schedule (
    region_id     BIGINT  NOT NULL PRIMARY KEY REFERENCES region (id),
    cron          TEXT    NOT NULL,  -- Quartz cron, seconds first, read in time_zone
    time_zone     TEXT    NOT NULL,
    window_days   INTEGER NOT NULL CHECK (window_days BETWEEN 1 AND 60),
    reminder_days TEXT    NOT NULL,  -- e.g. 7,2 (days before the deadline); empty for none
    close_early   BOOLEAN NOT NULL,
    enabled       BOOLEAN NOT NULL,
    since         TEXT    NOT NULL   -- when it was last set: no round is opened for a moment before it
);

-- The scheduled moment a round was opened for; NULL for a round started by hand. One round per
-- region per period, whichever instance of the bot tries, however often.
ALTER TABLE round ADD COLUMN period TEXT;
CREATE UNIQUE INDEX round_one_per_period ON round (region_id, period);

-- A reminder is claimed here before it is sent: once per round, partner and slot (a scheduled
-- reminder's days-before-deadline, or 'manual'), and never two on one day.
CREATE TABLE reminder (
    round_id   BIGINT NOT NULL REFERENCES round (id),
    partner_id BIGINT NOT NULL REFERENCES partner (id),
    slot       TEXT   NOT NULL,
    day        TEXT   NOT NULL,      -- the region's local date, e.g. 2027-01-11
    sent_at    TEXT   NOT NULL,
    CONSTRAINT reminder_pk PRIMARY KEY (round_id, partner_id, slot),
    CONSTRAINT reminder_one_a_day UNIQUE (round_id, partner_id, day)
);
