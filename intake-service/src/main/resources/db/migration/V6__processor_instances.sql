-- The intake instances running now, each seen every few seconds (FairShare): an instance holding more than
-- its share of a processor's segments lets the surplus go, so that every instance takes part of the work.
CREATE TABLE processor_instance (
    instance_id TEXT        PRIMARY KEY,
    seen_at     TIMESTAMPTZ NOT NULL
);
