-- A deadline may set the periods its reports evaluate (each null: the configured default) and, for a
-- prefecture's roll-up, who signs it and the date printed on it (null: the default, with a warning).
ALTER TABLE deadline
    ADD COLUMN period_school_year           integer,
    ADD COLUMN period_completed_school_year integer,
    ADD COLUMN period_entrance_year         integer,
    ADD COLUMN period_fiscal_year           integer,
    ADD COLUMN signing_authority            text,
    ADD COLUMN signing_date                 date;
