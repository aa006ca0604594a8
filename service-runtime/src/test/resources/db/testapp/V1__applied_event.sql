-- The test application's own table: one row per application of an event by RecordingHandler, with
-- no key on the event id, so an event applied twice would show as two rows.
CREATE TABLE applied_event (
    seq        bigserial    PRIMARY KEY,
    event_id   uuid         NOT NULL,
    subject    text         NOT NULL,
    region     text         NOT NULL,
    applied_at timestamptz  NOT NULL DEFAULT now()
);
