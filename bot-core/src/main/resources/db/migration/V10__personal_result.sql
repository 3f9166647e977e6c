-- Each partner's own line: after a round closes every partner who answered gets their own result
-- in a DM, unless they typed 'mijn resultaat uit'. One row per partner who switched it off.

CREATE TABLE personal_result_off (
    partner_id BIGINT NOT NULL PRIMARY KEY REFERENCES partner (id)
);
