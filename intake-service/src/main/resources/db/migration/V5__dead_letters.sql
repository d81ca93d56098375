-- Axon's sequenced dead-letter queue for intake's event processors (docs/architecture.md, "Dead letters"):
-- an event a processor keeps failing on is parked here with its complaint (the sequence), and every later
-- event of that complaint queues behind it, so the complaint's order holds while the others flow on.
-- The columns are those of Axon's GenericDeadLetterTableFactory, named like V1's (AxonJdbcConfiguration's
-- DeadLetterSchema); payloads in BYTEA as in domain_event_entry, times as Axon's ISO-8601 text.
CREATE TABLE dead_letter_entry (
    dead_letter_id        VARCHAR(255) NOT NULL,
    processing_group      VARCHAR(255) NOT NULL,
    -- The complaint id: the processors sequence events by aggregate.
    sequence_identifier   VARCHAR(255) NOT NULL,
    sequence_index        BIGINT       NOT NULL,
    message_type          VARCHAR(255) NOT NULL,
    event_identifier      VARCHAR(255) NOT NULL,
    time_stamp            VARCHAR(255) NOT NULL,
    payload_type          VARCHAR(255) NOT NULL,
    payload_revision      VARCHAR(255),
    payload               BYTEA        NOT NULL,
    meta_data             BYTEA,
    aggregate_type        VARCHAR(255),
    aggregate_identifier  VARCHAR(255),
    sequence_number       BIGINT,
    token_type            VARCHAR(255),
    token                 BYTEA,
    enqueued_at           VARCHAR(255) NOT NULL,
    last_touched          VARCHAR(255),
    -- Set while an instance retries the sequence: a claim, so that two instances never retry it together.
    processing_started    VARCHAR(255),
    cause_type            VARCHAR(255),
    cause_message         VARCHAR(1023),
    -- The attempts so far (the enqueue policy's), as JSON.
    diagnostics           BYTEA,
    PRIMARY KEY (dead_letter_id),
    UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_processing_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence ON dead_letter_entry (processing_group, sequence_identifier);
