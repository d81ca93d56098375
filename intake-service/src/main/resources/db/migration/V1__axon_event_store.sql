-- Axon's JDBC event store and token store with Axon's default names and PostgreSQL types
-- (what PostgresEventTableFactory and PostgresTokenTableFactory create), kept here so that the
-- schema changes only by migration.
-- Payloads are the Jackson serializer's UTF-8 JSON in BYTEA, Axon's own type for PostgreSQL:
-- Axon reads back exactly the bytes it wrote (JSONB would rewrite them), and an operator can
-- still read them with convert_from(payload, 'UTF8')::jsonb.

-- global_index orders the tracking stream. Sequence values are taken at insert and committed in
-- any order, so a reader may see a gap that fills later: the gap-aware tracking token keeps such
-- gaps and reads them again, where a timestamp window would skip the late event.
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    -- Refuses a second writer of the same complaint (Axon's ConcurrencyException) and serves loading it.
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

-- One row per processor segment: how far it has read, and which instance holds the claim.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
