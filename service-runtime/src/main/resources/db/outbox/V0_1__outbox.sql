-- Transactional outbox: one row per event, written in the same transaction as the change it
-- describes, relayed to Kafka in seq order and marked sent after the broker acknowledged it.
CREATE TABLE outbox (
    seq           bigserial    PRIMARY KEY,
    id            uuid         NOT NULL UNIQUE,
    aggregatetype text         NOT NULL,
    aggregateid   text         NOT NULL,
    type          text         NOT NULL,
    dataschema    text         NOT NULL,
    topic         text         NOT NULL,
    region_code   text         NOT NULL,
    "timestamp"   timestamptz  NOT NULL,
    payload       jsonb        NOT NULL,
    recorded_by   text,
    sent_at       timestamptz
);

CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
