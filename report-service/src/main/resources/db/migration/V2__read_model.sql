-- The read model: what the owners' events say, in tables the figure engine reads. Each row is
-- written by the projector in the transaction that records the event as processed, so an event
-- applies once; a row keeps the newest version when events of an entity carry one.

CREATE TABLE rm_region (
    code         text PRIMARY KEY,
    name         text NOT NULL,
    level        text NOT NULL,
    parent_code  text,
    valid_from   date,
    valid_to     date,
    version      bigint NOT NULL
);

CREATE TABLE rm_school (
    code              text PRIMARY KEY,
    name              text NOT NULL,
    type              text NOT NULL,
    ownership         text NOT NULL,
    inclusive         boolean NOT NULL,
    township_central  boolean NOT NULL,
    area              text NOT NULL,
    township_code     text NOT NULL,
    county_code       text NOT NULL,
    opened_on         date,
    closed_on         date,
    version           bigint NOT NULL
);
CREATE INDEX rm_school_county ON rm_school (county_code);

-- A school's year as the registry published it (classes, flows, disability, staff), whole.
CREATE TABLE rm_school_year (
    school_code   text    NOT NULL,
    school_year   integer NOT NULL,
    county_code   text    NOT NULL,
    township_code text    NOT NULL,
    data          jsonb   NOT NULL,
    version       bigint  NOT NULL,
    event_id      uuid    NOT NULL,
    PRIMARY KEY (school_code, school_year)
);
CREATE INDEX rm_school_year_county ON rm_school_year (county_code, school_year);

CREATE TABLE rm_population (
    region_code                  text    NOT NULL,
    year                         integer NOT NULL,
    residents_by_age             jsonb   NOT NULL,
    identified_disabled_children integer,
    version                      bigint  NOT NULL,
    PRIMARY KEY (region_code, year)
);

CREATE TABLE rm_posting (
    id            uuid    PRIMARY KEY,
    region_code   text    NOT NULL,
    fiscal_year   integer NOT NULL,
    booking_date  date    NOT NULL,
    voucher       text    NOT NULL,
    memo          text,
    stage         text,
    school_code   text,
    reversal_of   uuid,
    event_id      uuid    NOT NULL
);
CREATE INDEX rm_posting_region_year ON rm_posting (region_code, fiscal_year);

CREATE TABLE rm_posting_line (
    posting_id    uuid          NOT NULL REFERENCES rm_posting (id),
    line_no       integer       NOT NULL,
    account_code  text          NOT NULL,
    account_type  text          NOT NULL,
    category      text,
    debit         numeric(18,2) NOT NULL,
    credit        numeric(18,2) NOT NULL,
    PRIMARY KEY (posting_id, line_no)
);

CREATE TABLE rm_fiscal_context (
    region_code                        text    NOT NULL,
    fiscal_year                        integer NOT NULL,
    regular_fiscal_revenue             numeric(18,2),
    general_public_budget_expenditure  numeric(18,2),
    average_teacher_pay                numeric(12,2),
    average_civil_servant_pay          numeric(12,2),
    version                            bigint  NOT NULL,
    PRIMARY KEY (region_code, fiscal_year)
);

CREATE TABLE rm_fiscal_year_closed (
    region_code text    NOT NULL,
    fiscal_year integer NOT NULL,
    postings    bigint  NOT NULL,
    PRIMARY KEY (region_code, fiscal_year)
);

CREATE TABLE rm_framework (
    id               uuid    PRIMARY KEY,
    region_code      text    NOT NULL,
    evaluation_year  integer NOT NULL,
    code             text    NOT NULL,
    name             text    NOT NULL,
    issuer           text    NOT NULL,
    indicators       jsonb   NOT NULL,
    published_at     timestamptz
);

CREATE TABLE rm_self_evaluation (
    id            uuid    PRIMARY KEY,
    framework_id  uuid    NOT NULL,
    region_code   text    NOT NULL,
    year          integer NOT NULL,
    status        text    NOT NULL,
    version       bigint  NOT NULL DEFAULT 0,
    approved_by   text
);
CREATE INDEX rm_self_evaluation_region_year ON rm_self_evaluation (region_code, year);

CREATE TABLE rm_rating (
    self_evaluation_id uuid   NOT NULL,
    indicator_code     text   NOT NULL,
    rating             text   NOT NULL,
    narrative          text,
    evidence           jsonb  NOT NULL,
    problem            text,
    improvement        text,
    version            bigint NOT NULL,
    event_id           uuid   NOT NULL,
    PRIMARY KEY (self_evaluation_id, indicator_code)
);
