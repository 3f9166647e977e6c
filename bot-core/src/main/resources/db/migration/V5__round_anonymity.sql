-- Anonymity is fixed for a round when it opens (a change of the region's setting applies from the
-- next round), so partners know what others will see when they answer.
ALTER TABLE round ADD COLUMN anonymous BOOLEAN NOT NULL DEFAULT FALSE;
