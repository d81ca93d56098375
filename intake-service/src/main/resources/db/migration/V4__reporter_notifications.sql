-- Notifications to reporters (docs/notifications.md).
-- Whom a complaint's steps are told to: the reporter's identity only as sealed in the event store
-- (encrypted with their key, so an erasure leaves noise here too), the channels they can be reached
-- on, and whether they asked to hear no more. Written one row at a time by complaint id.
CREATE TABLE notification_contacts (
    complaint_id        TEXT PRIMARY KEY,
    reporter_key        TEXT NOT NULL,
    reporter_ciphertext TEXT NOT NULL,
    reporter_ref        TEXT NOT NULL,
    unsubscribed_at     TIMESTAMPTZ
);

-- The sent-log: one row per step and channel, keyed by the event that caused the step, so an event
-- handled again (a replay, a second instance, a redelivery) finds its row and sends nothing more.
-- A sender claims a due row with a lease, sends, then marks it SENT; a failure waits next_attempt_at,
-- and after the last attempt the row is FAILED (the dead letters coordinators list).
CREATE TABLE notification_log (
    event_id        TEXT NOT NULL,
    channel         TEXT NOT NULL,
    complaint_id    TEXT NOT NULL,
    step            TEXT NOT NULL,
    details         JSONB NOT NULL,
    -- The order steps reached the log in: a complaint's rows on a channel go out in this order.
    position        BIGSERIAL,
    status          TEXT NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    lease_token     TEXT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    PRIMARY KEY (event_id, channel)
);

CREATE INDEX notification_log_due ON notification_log (next_attempt_at, position) WHERE status = 'PENDING';
CREATE INDEX notification_log_pending_of_complaint ON notification_log (complaint_id, channel, position) WHERE status = 'PENDING';
CREATE INDEX notification_log_failed ON notification_log (finished_at DESC, event_id) WHERE status = 'FAILED';
