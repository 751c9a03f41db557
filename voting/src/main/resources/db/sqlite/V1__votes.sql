-- One row per admitted ballot. No raw IP, no cookie value: only keyed hashes.
CREATE TABLE votes (
    vote_id     TEXT    NOT NULL PRIMARY KEY,
    stand_id    TEXT    NOT NULL,
    nomination  TEXT    NOT NULL,
    period_key  TEXT    NOT NULL,
    voter_hash  TEXT    NOT NULL,
    ip_hash     TEXT    NOT NULL,
    pow_nonce   TEXT    NOT NULL UNIQUE,
    cast_day    TEXT    NOT NULL,
    cast_minute TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('counted', 'flagged')),
    reason      TEXT,
    UNIQUE (period_key, stand_id, nomination, voter_hash)
);
CREATE INDEX votes_tally ON votes (stand_id, nomination, status);
CREATE INDEX votes_log ON votes (cast_day, cast_minute, vote_id);
