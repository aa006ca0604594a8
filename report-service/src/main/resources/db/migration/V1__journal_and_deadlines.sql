-- Every event the report service applied, as received: the raw material of its read model, kept
-- so that projections can be rebuilt and every figure traced to the events behind it.
CREATE TABLE received_event (
    event_id     uuid         PRIMARY KEY,
    type         text         NOT NULL,
    source       text         NOT NULL,
    subject      text,
    region_code  text,
    event_time   timestamptz,
    topic        text,
    payload      jsonb        NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX received_event_region ON received_event (region_code, type);

-- Reporting deadlines: a county, or a prefecture meaning all its counties.
CREATE TABLE deadline (
    id               uuid         PRIMARY KEY,
    region_code      text         NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    report_year      integer      NOT NULL CHECK (report_year BETWEEN 2000 AND 2100),
    due_at           timestamptz  NOT NULL,
    draft_lead_seconds bigint     NOT NULL CHECK (draft_lead_seconds >= 0),
    created_by       text         NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (region_code, report_year, due_at)
);
