-- Microsoft Teams (issue 4): the conversation references the bot needs to message people and
-- channels proactively, stored when the app is installed or first spoken to. Same conventions as
-- V1 (TEXT times). Numbered 5.1 (after V5) so that it cannot collide with the next whole number another branch takes.
--   kind personal: key_id is the AAD object id of the person, conversation_id their 1:1 chat;
--   kind channel:  key_id is the Teams channel id, conversation_id the same channel.
-- team_user_id is the Teams user id of the person (29:...), needed to create a 1:1 chat.

CREATE TABLE teams_conversation (
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
CREATE INDEX teams_conversation_by_tenant ON teams_conversation (tenant_id, updated_at);
