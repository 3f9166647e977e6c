-- teams_file_offer: a file (an export, "mijn gegevens") offered in Teams with a file consent card,
-- waiting for the person to accept it; removed when accepted, declined or expired (24 h).
-- expires_at is epoch milliseconds, so that expiry is a plain number comparison on both databases.
--
-- IF NOT EXISTS: the core's migration V8 (already applied everywhere, so left unchanged) creates
-- this table too; the Teams adapter owns it and its code. A later core migration leaves it alone.
CREATE TABLE IF NOT EXISTS teams_file_offer (
    id          TEXT   NOT NULL PRIMARY KEY,
    file_name   TEXT   NOT NULL,
    media_type  TEXT   NOT NULL,
    description TEXT   NOT NULL,
    content     BYTEA  NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS teams_file_offer_by_expiry ON teams_file_offer (expires_at);
