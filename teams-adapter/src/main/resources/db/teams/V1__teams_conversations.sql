-- The Teams adapter's own tables, in its own Flyway location (db/teams) with its own history table
-- (flyway_teams_history), so that the core's migrations name no platform.
--
-- teams_conversation: the conversation references the bot needs to message people and channels
-- proactively, stored when the app is installed or first spoken to (TEXT times).
--   kind personal: key_id is the AAD object id of the person, conversation_id their 1:1 chat;
--   kind channel:  key_id is the Teams channel id, conversation_id the same channel.
-- team_user_id is the Teams user id of the person (29:...), needed to create a 1:1 chat.
--
-- IF NOT EXISTS: a database from before this location (up to 2026-11-28) got this table from the
-- core's migration V5_1; it is kept as it is, with its rows.
CREATE TABLE IF NOT EXISTS teams_conversation (
    kind            TEXT NOT NULL CHECK (kind IN ('personal', 'channel')),
    tenant_id       TEXT NOT NULL,
    key_id          TEXT NOT NULL,
    service_url     TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    team_user_id    TEXT,
    bot_id          TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CONSTRAINT teams_conversation_pk PRIMARY KEY (kind, tenant_id, key_id)
);
CREATE INDEX IF NOT EXISTS teams_conversation_by_tenant ON teams_conversation (tenant_id, updated_at);
