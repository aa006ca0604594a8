ALTER TABLE framework
    ADD COLUMN derived_from uuid REFERENCES framework (id),
    ADD COLUMN published_at timestamptz,
    ADD COLUMN published_by text;

-- The indicator tree: three levels, the parent's code is the prefix of its children's.
CREATE TABLE indicator (
    id             bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    framework_id   uuid          NOT NULL REFERENCES framework (id),
    code           text          NOT NULL CHECK (code ~ '^[0-9]+(\.[0-9]+){0,2}$'),
    level          integer       NOT NULL CHECK (level BETWEEN 1 AND 3),
    title          text          NOT NULL,
    criteria       text          NOT NULL DEFAULT '',
    display_order  integer       NOT NULL,
    metric_key     text,
    comparator     text          CHECK (comparator IN ('GE', 'GT', 'LE', 'LT', 'EQ')),
    threshold      numeric(20,4),
    unit           text,
    UNIQUE (framework_id, code),
    CHECK (metric_key IS NULL OR level = 3),
    CHECK ((metric_key IS NULL) = (comparator IS NULL) AND (metric_key IS NULL) = (threshold IS NULL))
);

-- Published means immutable, also for anyone with SQL access.
CREATE FUNCTION refuse_change_to_published_framework() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'framework' THEN
        IF OLD.status = 'PUBLISHED' THEN
            RAISE EXCEPTION 'framework % is published and cannot change', OLD.id USING ERRCODE = 'check_violation';
        END IF;
    ELSIF EXISTS (SELECT 1 FROM framework f
                  WHERE f.status = 'PUBLISHED' AND f.id IN (NEW.framework_id, OLD.framework_id)) THEN
        RAISE EXCEPTION 'framework % is published and cannot change', COALESCE(NEW.framework_id, OLD.framework_id)
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER framework_published_is_final BEFORE UPDATE OR DELETE ON framework
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_framework();
CREATE TRIGGER indicator_of_published_is_final BEFORE INSERT OR UPDATE OR DELETE ON indicator
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_published_framework();

-- A county's self-evaluation against a published framework, one per framework, county and year.
CREATE TABLE self_evaluation (
    id            uuid         PRIMARY KEY,
    framework_id  uuid         NOT NULL REFERENCES framework (id),
    region_code   text         NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    year          integer      NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    status        text         NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    version       bigint       NOT NULL DEFAULT 0,
    created_by    text         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_by    text         NOT NULL,
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    submitted_at  timestamptz,
    approved_by   text,
    approved_at   timestamptz,
    UNIQUE (framework_id, region_code, year)
);

CREATE INDEX self_evaluation_region_year ON self_evaluation (region_code, year);

CREATE TABLE rating (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    self_evaluation_id uuid         NOT NULL REFERENCES self_evaluation (id),
    indicator_code     text         NOT NULL,
    rating             text         NOT NULL CHECK (rating IN ('FULLY', 'BASICALLY', 'NOT', 'NOT_APPLICABLE')),
    narrative          text         NOT NULL DEFAULT '',
    evidence           jsonb        NOT NULL DEFAULT '[]',
    problem            text,
    improvement        text,
    recorded_by        text         NOT NULL,
    recorded_at        timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (self_evaluation_id, indicator_code)
);

-- Every change of a rating: who, when, from, to.
CREATE TABLE rating_change (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    self_evaluation_id uuid         NOT NULL REFERENCES self_evaluation (id),
    indicator_code     text         NOT NULL,
    from_rating        text,
    to_rating          text         NOT NULL,
    changed_by         text         NOT NULL,
    changed_at         timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX rating_change_indicator ON rating_change (self_evaluation_id, indicator_code, id);

-- Reviewer comments when a self-evaluation is returned; indicator_code NULL for the summary.
CREATE TABLE review_comment (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    self_evaluation_id uuid         NOT NULL REFERENCES self_evaluation (id),
    round              integer      NOT NULL,
    indicator_code     text,
    comment            text         NOT NULL,
    reviewer           text         NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now()
);

-- An approved self-evaluation is frozen, also for anyone with SQL access.
CREATE FUNCTION refuse_change_to_approved_self_evaluation() RETURNS trigger AS $$
DECLARE
    target uuid;
BEGIN
    IF TG_TABLE_NAME = 'self_evaluation' THEN
        IF OLD.status = 'APPROVED' THEN
            RAISE EXCEPTION 'self-evaluation % is approved and frozen', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
    END IF;
    target := CASE WHEN TG_OP = 'DELETE' THEN OLD.self_evaluation_id ELSE NEW.self_evaluation_id END;
    IF EXISTS (SELECT 1 FROM self_evaluation s WHERE s.id = target AND s.status = 'APPROVED') THEN
        RAISE EXCEPTION 'self-evaluation % is approved and frozen', target USING ERRCODE = 'check_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER self_evaluation_approved_is_final BEFORE UPDATE OR DELETE ON self_evaluation
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_approved_self_evaluation();
CREATE TRIGGER rating_of_approved_is_final BEFORE INSERT OR UPDATE OR DELETE ON rating
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_approved_self_evaluation();
