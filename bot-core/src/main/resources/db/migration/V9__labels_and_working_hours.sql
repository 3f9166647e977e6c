-- Issue 12. The labels of an anonymous round (Partner A, B, C…) are a random permutation of the
-- partners who answered, drawn once and stored with the round, so that a report posted again and
-- the export say the same; position 0 is Partner A.
CREATE TABLE round_label (
    round_id   BIGINT  NOT NULL REFERENCES round (id),
    partner_id BIGINT  NOT NULL REFERENCES partner (id),
    position   INTEGER NOT NULL,
    CONSTRAINT round_label_pk PRIMARY KEY (round_id, partner_id),
    CONSTRAINT round_label_position_unique UNIQUE (round_id, position)
);

-- A region's working hours (Monday to Friday, local time, HH:mm): reminders, and openings missed
-- while the bot was down, go out inside them.
ALTER TABLE schedule ADD COLUMN work_start TEXT NOT NULL DEFAULT '08:00';
ALTER TABLE schedule ADD COLUMN work_end TEXT NOT NULL DEFAULT '18:00';
