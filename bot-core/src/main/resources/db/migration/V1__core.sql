-- Borgingsbot core schema. One script for SQLite and PostgreSQL: ${id_pk} is the only
-- difference (an auto-increment key), filled in by Database.java. Times are epoch milliseconds.

CREATE TABLE region (
    id               ${id_pk},
    name             VARCHAR(200) NOT NULL,
    name_key         VARCHAR(200) NOT NULL UNIQUE,
    platform         VARCHAR(16)  NOT NULL,
    workspace        VARCHAR(200) NOT NULL,
    channel_id       VARCHAR(200) NOT NULL,
    language         VARCHAR(8)   NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    anonymous        BOOLEAN      NOT NULL,
    questionnaire_id VARCHAR(100) NOT NULL,
    created_at       BIGINT       NOT NULL,
    UNIQUE (platform, workspace, channel_id)
);

CREATE TABLE region_manager (
    region_id BIGINT       NOT NULL REFERENCES region (id),
    platform  VARCHAR(16)  NOT NULL,
    workspace VARCHAR(200) NOT NULL,
    user_id   VARCHAR(200) NOT NULL,
    PRIMARY KEY (region_id, platform, workspace, user_id)
);

CREATE TABLE partner (
    id           ${id_pk},
    region_id    BIGINT       NOT NULL REFERENCES region (id),
    platform     VARCHAR(16)  NOT NULL,
    workspace    VARCHAR(200) NOT NULL,
    user_id      VARCHAR(200) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    organisation VARCHAR(200) NOT NULL,
    active       BOOLEAN      NOT NULL,
    created_at   BIGINT       NOT NULL,
    UNIQUE (region_id, platform, workspace, user_id)
);
CREATE INDEX partner_by_user ON partner (platform, workspace, user_id);

CREATE TABLE round (
    id               ${id_pk},
    region_id        BIGINT       NOT NULL REFERENCES region (id),
    number           INTEGER      NOT NULL,
    questionnaire_id VARCHAR(100) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    opened_at        BIGINT       NOT NULL,
    deadline         BIGINT       NOT NULL,
    closed_at        BIGINT,
    UNIQUE (region_id, number)
);
-- at most one open round per region, whoever tries to open a second
CREATE UNIQUE INDEX round_one_open_per_region ON round (region_id) WHERE state = 'OPEN';

CREATE TABLE checkin (
    id           ${id_pk},
    round_id     BIGINT      NOT NULL REFERENCES round (id),
    partner_id   BIGINT      NOT NULL REFERENCES partner (id),
    step         VARCHAR(32) NOT NULL,
    editing      BOOLEAN     NOT NULL,
    submitted_at BIGINT,
    UNIQUE (round_id, partner_id)
);

CREATE TABLE answer (
    checkin_id BIGINT       NOT NULL REFERENCES checkin (id),
    kind       VARCHAR(16)  NOT NULL,
    item_id    VARCHAR(100) NOT NULL,
    score      INTEGER,
    text       TEXT,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (checkin_id, kind, item_id)
);
