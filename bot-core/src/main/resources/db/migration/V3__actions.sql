-- Improvement actions (verbeteracties, PDCA Act): what a region agreed to do about an element,
-- who does it and by when, and how it went. Numbered per region (actie 3). Same conventions as V1.

CREATE TABLE action (
    id             ${id_pk},
    region_id      BIGINT  NOT NULL REFERENCES region (id),
    number         INTEGER NOT NULL,
    element_id     TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    owner_platform TEXT,              -- the owner, when one was named
    owner_workspace TEXT,
    owner_user_id  TEXT,
    due            TEXT,              -- ISO date, e.g. 2027-03-31, when one was given
    status         TEXT    NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'STOPPED')),
    note           TEXT,              -- the latest line on how it went
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    CONSTRAINT action_number_unique UNIQUE (region_id, number)
);
CREATE INDEX action_by_owner ON action (owner_platform, owner_workspace, owner_user_id);
