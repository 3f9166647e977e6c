-- Issue 10 (nothing lost): what must survive a restart about deliveries.
-- Same conventions as V1 (TEXT times in Timestamps' fixed-width form).
--
-- delivery_failure: which failed deliveries the programme managers were told about, so that a
-- partner who cannot be reached is reported once per scope (e.g. round:12) and cause, not once per
-- attempt, message or instance. No foreign key to partner: a forgotten partner's row names nobody.
CREATE TABLE delivery_failure (
    partner_id  BIGINT NOT NULL,
    scope       TEXT   NOT NULL,
    reason      TEXT   NOT NULL,  -- DeliveryException.Reason
    reported_at TEXT   NOT NULL,
    CONSTRAINT delivery_failure_pk PRIMARY KEY (partner_id, scope, reason)
);

-- teams_file_offer: a file (an export, "mijn gegevens") offered in Teams with a file consent card,
-- waiting for the person to accept it; removed when accepted, declined or expired (24 h).
-- expires_at is epoch milliseconds, so that expiry is a plain number comparison on both databases.
CREATE TABLE teams_file_offer (
    id          TEXT   NOT NULL PRIMARY KEY,
    file_name   TEXT   NOT NULL,
    media_type  TEXT   NOT NULL,
    description TEXT   NOT NULL,
    content     BYTEA  NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX teams_file_offer_by_expiry ON teams_file_offer (expires_at);
