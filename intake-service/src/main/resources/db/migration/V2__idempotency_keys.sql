-- Which complaint each idempotency key created. Claimed in the transaction that appends the
-- complaint's first event, so a key never points at nothing and a complaint is never made twice.
-- The primary key decides a race between two identical requests.
CREATE TABLE idempotency_key (
    scope        TEXT         NOT NULL,
    key_value    TEXT         NOT NULL,
    complaint_id TEXT         NOT NULL,
    -- As ISO-8601 text: a repeated answer must carry exactly the first one's time, nanoseconds included.
    submitted_at TEXT         NOT NULL,
    claimed_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key_value)
);
