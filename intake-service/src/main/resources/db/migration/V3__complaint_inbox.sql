-- The inboxes (docs/inbox.md): one row per complaint, fed by intake's events (entry) and sla's clock
-- events (clocks), each kept as the versioned state it was folded into, with the columns the lists
-- filter and sort on derived from both. Written one row at a time by complaint id.
CREATE TABLE complaint_inbox (
    complaint_id   TEXT PRIMARY KEY,
    entry          JSONB,
    clocks         JSONB,
    -- Listed once the submission is known.
    listed         BOOLEAN NOT NULL DEFAULT FALSE,
    title          TEXT,
    description    TEXT,
    status         TEXT,
    category_code  TEXT,
    region_code    TEXT,
    channel        TEXT,
    classification TEXT,
    confidential   BOOLEAN,
    agency_code    TEXT,
    unit_code      TEXT,
    received_at    TIMESTAMPTZ,
    next_due_at    TIMESTAMPTZ,
    next_clock     TEXT,
    -- next_due_at, or the end of time when no clock runs: sorts and pages without NULLs.
    due_order      TIMESTAMPTZ NOT NULL DEFAULT 'infinity',
    clock_paused   BOOLEAN NOT NULL DEFAULT FALSE
);

-- Each list walks one of these in its order and stops at a page; the other filters are checked on the way.
CREATE INDEX complaint_inbox_agency_due ON complaint_inbox (agency_code, due_order, complaint_id) WHERE listed;
CREATE INDEX complaint_inbox_agency_received ON complaint_inbox (agency_code, received_at, complaint_id) WHERE listed;
CREATE INDEX complaint_inbox_unit_due ON complaint_inbox (unit_code, due_order, complaint_id) WHERE listed;
CREATE INDEX complaint_inbox_status_due ON complaint_inbox (status, due_order, complaint_id) WHERE listed;
CREATE INDEX complaint_inbox_due ON complaint_inbox (due_order, complaint_id) WHERE listed;
CREATE INDEX complaint_inbox_received ON complaint_inbox (received_at, complaint_id) WHERE listed;
