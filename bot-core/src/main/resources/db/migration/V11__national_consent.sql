-- The national comparison (issue 15): whether a region shares the element means of its closed
-- rounds with the other regions. No row means it does not (the default). Only the current choice
-- counts: a region that stops sharing is left out of every comparison computed after that.
-- Same conventions as V1 (TEXT times).

CREATE TABLE national_consent (
    region_id BIGINT  NOT NULL PRIMARY KEY REFERENCES region (id),
    sharing   BOOLEAN NOT NULL,
    since     TEXT    NOT NULL  -- when it was last set
);
