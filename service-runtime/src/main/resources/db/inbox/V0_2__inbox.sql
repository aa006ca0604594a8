-- Idempotent consumer: an event id is recorded in the same transaction as the handler's writes,
-- so a redelivered event is recognised and changes nothing.
CREATE TABLE processed_event (
    consumer      text         NOT NULL,
    event_id      uuid         NOT NULL,
    event_type    text         NOT NULL,
    processed_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- How far each partition has been read and applied: the "as of" of everything built from events.
CREATE TABLE consumer_position (
    consumer        text         NOT NULL,
    topic           text         NOT NULL,
    partition_no    integer      NOT NULL,
    next_offset     bigint       NOT NULL,
    last_event_time timestamptz,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, partition_no)
);
