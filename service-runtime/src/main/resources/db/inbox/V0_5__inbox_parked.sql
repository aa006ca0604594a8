-- Records a consumer will not apply: refused (not from the topic's owner, malformed, a version
-- the owner could not have produced) or failing after the configured attempts. The partition
-- moves on past them; an operator lists them and re-applies one after a fix. The record is kept
-- as it came (bytes), so a record that is not even text can be parked and shown.
CREATE TABLE parked_event (
    id               uuid         PRIMARY KEY,
    consumer         text         NOT NULL,
    topic            text         NOT NULL,
    partition_no     integer      NOT NULL,
    record_offset    bigint       NOT NULL,
    record_key       text,
    record_value     bytea,
    region_code      text,
    event_type       text,
    reason           text         NOT NULL,
    attempts         integer      NOT NULL,
    first_attempt_at timestamptz  NOT NULL,
    last_attempt_at  timestamptz  NOT NULL,
    resolved_at      timestamptz,
    resolved_by      text,
    UNIQUE (consumer, topic, partition_no, record_offset)
);
CREATE INDEX parked_event_open ON parked_event (consumer, first_attempt_at) WHERE resolved_at IS NULL;
