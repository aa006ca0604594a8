-- Facts that belong to a county and a year, not to a school: the senior-secondary entrance of its
-- junior graduates, teacher recruitment and off-campus training institutions. Each is replaced
-- whole (If-Match on version) and only ever read whole, so its fields are kept as the request's
-- JSON, checked by the service; the kind names which of the three it is.
CREATE TABLE county_fact (
    kind         text         NOT NULL CHECK (kind IN ('SENIOR_ENTRANCE', 'TEACHER_RECRUITMENT', 'TRAINING_INSTITUTIONS')),
    region_code  text         NOT NULL REFERENCES region (code),
    year         integer      NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    data         jsonb        NOT NULL,
    version      bigint       NOT NULL DEFAULT 0,
    recorded_by  text         NOT NULL,
    recorded_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, region_code, year)
);
