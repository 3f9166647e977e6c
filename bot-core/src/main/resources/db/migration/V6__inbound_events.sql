-- The core's entry point (issue 10): the platform keys of the events it has handled (Slack's
-- event_id, a click's action id + action_ts + user, Teams' activity id), so that a retry of the
-- same event, also after a restart or at a second instance, changes nothing and gets no second
-- reply. A key is written once the event's effect is stored; rows older than two days are pruned.
-- Same conventions as V1 (TEXT times).

CREATE TABLE inbound_event (
    event_key  TEXT NOT NULL PRIMARY KEY,
    handled_at TEXT NOT NULL
);
CREATE INDEX inbound_event_by_time ON inbound_event (handled_at);
