-- What the county signs: the signing authority (NULL: the report's default "<county>人民政府"),
-- the date printed on the document, its 经典做法 and its 改进措施, in order. Kept on the
-- self-evaluation row, so the trigger of V2 freezes them with it once approved.
ALTER TABLE self_evaluation
    ADD COLUMN signing_authority     text CHECK (char_length(signing_authority) BETWEEN 1 AND 100),
    ADD COLUMN signing_date          date,
    ADD COLUMN notable_practices     jsonb NOT NULL DEFAULT '[]'
        CHECK (jsonb_typeof(notable_practices) = 'array' AND jsonb_array_length(notable_practices) <= 10),
    ADD COLUMN improvement_measures  jsonb NOT NULL DEFAULT '[]'
        CHECK (jsonb_typeof(improvement_measures) = 'array' AND jsonb_array_length(improvement_measures) <= 20),
    ADD COLUMN signing_recorded_by   text,
    ADD COLUMN signing_recorded_at   timestamptz,
    ADD CONSTRAINT signing_recorded_together CHECK ((signing_recorded_by IS NULL) = (signing_recorded_at IS NULL));
