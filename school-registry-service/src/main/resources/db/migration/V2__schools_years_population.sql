-- Schools by their national 10-digit identification code (学校标识码).
CREATE TABLE school (
    code              text         PRIMARY KEY CHECK (code ~ '^[0-9]{10}$'),
    name              text         NOT NULL,
    type              text         NOT NULL CHECK (type IN ('KINDERGARTEN', 'PRIMARY', 'TEACHING_POINT', 'NINE_YEAR',
                                   'JUNIOR_MIDDLE', 'COMPLETE_MIDDLE', 'SENIOR_HIGH', 'TWELVE_YEAR', 'VOCATIONAL',
                                   'SPECIAL_EDUCATION')),
    ownership         text         NOT NULL CHECK (ownership IN ('PUBLIC', 'PRIVATE')),
    inclusive         boolean      NOT NULL DEFAULT false,
    township_central  boolean      NOT NULL DEFAULT false,
    area              text         NOT NULL CHECK (area IN ('URBAN', 'TOWN', 'RURAL')),
    township_code     text         NOT NULL REFERENCES region (code),
    county_code       text         NOT NULL CHECK (county_code = substr(township_code, 1, 6)),
    opened_on         date         NOT NULL,
    closed_on         date,
    version           bigint       NOT NULL DEFAULT 0,
    created_by        text         NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_by        text         NOT NULL,
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CHECK (closed_on IS NULL OR closed_on >= opened_on),
    CHECK (type = 'KINDERGARTEN' OR (NOT inclusive AND NOT township_central))
);

CREATE INDEX school_county ON school (county_code, code);

-- A school's data for one school year (as at 1 September), replaced as a whole.
CREATE TABLE school_year (
    school_code                 text         NOT NULL REFERENCES school (code),
    school_year                 integer      NOT NULL CHECK (school_year BETWEEN 1990 AND 2100),
    county_code                 text         NOT NULL,
    disability_regular_class    integer      CHECK (disability_regular_class >= 0),
    disability_special_class    integer      CHECK (disability_special_class >= 0),
    disability_special_school   integer      CHECK (disability_special_school >= 0),
    disability_home_delivered   integer      CHECK (disability_home_delivered >= 0),
    teachers                    integer      CHECK (teachers >= 0),
    new_hires                   integer      CHECK (new_hires >= 0),
    rural_new_hires             integer      CHECK (rural_new_hires >= 0),
    eligible_for_rotation       integer      CHECK (eligible_for_rotation >= 0),
    rotated                     integer      CHECK (rotated >= 0),
    rotated_backbone            integer      CHECK (rotated_backbone >= 0),
    new_hires_putonghua_2b      integer      CHECK (new_hires_putonghua_2b >= 0),
    version                     bigint       NOT NULL DEFAULT 0,
    recorded_by                 text         NOT NULL,
    recorded_at                 timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (school_code, school_year)
);

CREATE INDEX school_year_county ON school_year (county_code, school_year);

CREATE TABLE school_class (
    school_code      text     NOT NULL,
    school_year      integer  NOT NULL,
    class_no         integer  NOT NULL,
    stage            text     NOT NULL CHECK (stage IN ('PRESCHOOL', 'PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'SPECIAL')),
    grade            integer  NOT NULL CHECK (grade BETWEEN 1 AND 12),
    students         integer  NOT NULL CHECK (students BETWEEN 0 AND 150),
    common_language  boolean  NOT NULL DEFAULT true,
    PRIMARY KEY (school_code, school_year, class_no),
    FOREIGN KEY (school_code, school_year) REFERENCES school_year (school_code, school_year) ON DELETE CASCADE
);

CREATE TABLE enrolment_flow (
    school_code    text     NOT NULL,
    school_year    integer  NOT NULL,
    stage          text     NOT NULL,
    grade          integer  NOT NULL CHECK (grade BETWEEN 1 AND 12),
    entrants       integer  NOT NULL CHECK (entrants >= 0),
    graduates      integer  NOT NULL CHECK (graduates >= 0),
    transfers_in   integer  NOT NULL CHECK (transfers_in >= 0),
    transfers_out  integer  NOT NULL CHECK (transfers_out >= 0),
    dropouts       integer  NOT NULL CHECK (dropouts >= 0),
    PRIMARY KEY (school_code, school_year, stage, grade),
    FOREIGN KEY (school_code, school_year) REFERENCES school_year (school_code, school_year) ON DELETE CASCADE
);

-- Resident population by single year of age, and identified school-age children with disabilities.
CREATE TABLE population (
    region_code                  text         NOT NULL REFERENCES region (code),
    year                         integer      NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    residents_by_age             jsonb        NOT NULL,
    identified_disabled_children integer      CHECK (identified_disabled_children >= 0),
    version                      bigint       NOT NULL DEFAULT 0,
    recorded_by                  text         NOT NULL,
    recorded_at                  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, year)
);

-- Bulk imports, remembered by idempotency key so a repeated upload changes nothing.
CREATE TABLE import_run (
    region_code      text         NOT NULL,
    idempotency_key  text         NOT NULL,
    kind             text         NOT NULL,
    content_hash     text         NOT NULL,
    rows             integer      NOT NULL,
    summary          jsonb        NOT NULL,
    imported_by      text         NOT NULL,
    imported_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, idempotency_key)
);
