-- Regions by GB/T 2260 code. A renamed or merged township keeps its row with valid_to set.
CREATE TABLE region (
    code        text         PRIMARY KEY CHECK (code ~ '^([0-9]{6}|[0-9]{9})$'),
    name        text         NOT NULL,
    level       text         NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP')),
    parent_code text         REFERENCES region (code),
    valid_from  date         NOT NULL,
    valid_to    date,
    version     bigint       NOT NULL DEFAULT 0,
    created_by  text         NOT NULL,
    updated_by  text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX region_parent ON region (parent_code, code);
