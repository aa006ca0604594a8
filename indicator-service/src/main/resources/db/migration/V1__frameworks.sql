-- Evaluation frameworks (评价指标体系) issued per evaluation year. A published framework never
-- changes; the next year's is a new framework, usually derived from it.
CREATE TABLE framework (
    id              uuid         PRIMARY KEY,
    code            text         NOT NULL,
    name            text         NOT NULL,
    evaluation_year integer      NOT NULL CHECK (evaluation_year BETWEEN 2000 AND 2100),
    issuer          text         NOT NULL,
    region_code     text         NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    status          text         NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    version         bigint       NOT NULL DEFAULT 0,
    created_by      text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_by      text         NOT NULL,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (region_code, code, evaluation_year)
);

CREATE INDEX framework_region_year ON framework (region_code, evaluation_year);
