-- A county's own facts per year as the registry published them, whole: the senior-secondary
-- entrance of its junior graduates, teacher recruitment and off-campus training institutions.
-- kind is the registry's path name of the fact (senior-entrance, teacher-recruitment,
-- training-institutions); data is the event's payload. The newest version wins.
CREATE TABLE rm_county_fact (
    kind         text    NOT NULL,
    region_code  text    NOT NULL,
    year         integer NOT NULL,
    data         jsonb   NOT NULL,
    version      bigint  NOT NULL,
    event_id     uuid    NOT NULL,
    PRIMARY KEY (kind, region_code, year)
);
