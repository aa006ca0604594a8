-- A county's fiscal context per fiscal (calendar) year, in yuan. Replaced as a whole with If-Match;
-- every recorded version is also published as FiscalContextRecorded.
CREATE TABLE fiscal_context (
    id                                bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code                       text          NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    fiscal_year                       integer       NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
    regular_fiscal_revenue            numeric(18,2) NOT NULL CHECK (regular_fiscal_revenue >= 0),
    general_public_budget_expenditure numeric(18,2) NOT NULL CHECK (general_public_budget_expenditure >= 0),
    average_teacher_pay               numeric(12,2) CHECK (average_teacher_pay >= 0),
    average_civil_servant_pay         numeric(12,2) CHECK (average_civil_servant_pay >= 0),
    version                           bigint        NOT NULL DEFAULT 0,
    recorded_by                       text          NOT NULL,
    recorded_at                       timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (region_code, fiscal_year)
);
