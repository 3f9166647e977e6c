-- Absence: a partner who is away (leave, illness) until a date gets no round DM and no reminders
-- until then; they get the check-in when they are back, if the round is still open.

CREATE TABLE absence (
    partner_id BIGINT NOT NULL PRIMARY KEY REFERENCES partner (id),
    until      TEXT   NOT NULL  -- the last day away, ISO date in the region's time zone, e.g. 2027-02-14
);
