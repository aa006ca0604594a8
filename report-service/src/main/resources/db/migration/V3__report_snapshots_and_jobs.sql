-- Report snapshots: what a generated report said, frozen. The content is the canonical JSON
-- text (not jsonb, which would reorder it), so rendering it again gives the same bytes; the hash
-- is SHA-256 of that text. A correction is a new snapshot, never an edit.
CREATE TABLE report_snapshot (
    id            uuid         PRIMARY KEY,
    region_code   text         NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    report_year   integer      NOT NULL CHECK (report_year BETWEEN 2000 AND 2100),
    kind          text         NOT NULL CHECK (kind IN ('DRAFT', 'FINAL')),
    trigger       text         NOT NULL CHECK (trigger IN ('ON_DEMAND', 'DEADLINE')),
    deadline_id   uuid         REFERENCES deadline (id),
    framework_id  uuid,
    content       text         NOT NULL,
    content_hash  text         NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    checks_failed integer      NOT NULL,
    generated_at  timestamptz  NOT NULL,
    generated_by  text         NOT NULL
);
CREATE INDEX report_snapshot_region_year ON report_snapshot (region_code, report_year, generated_at DESC);

CREATE FUNCTION report_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'report snapshots are immutable: generate a new one instead'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER report_snapshot_no_update BEFORE UPDATE OR DELETE ON report_snapshot
    FOR EACH ROW EXECUTE FUNCTION report_snapshot_immutable();
CREATE TRIGGER report_snapshot_no_truncate BEFORE TRUNCATE ON report_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION report_snapshot_immutable();

-- Deadline runs: when the scheduler expanded a deadline's draft and final into jobs, and one job
-- per county and kind, claimed with FOR UPDATE SKIP LOCKED so replicas share the work and none
-- is done twice.
ALTER TABLE deadline ADD COLUMN draft_expanded_at timestamptz;
ALTER TABLE deadline ADD COLUMN final_expanded_at timestamptz;

CREATE TABLE report_job (
    deadline_id  uuid         NOT NULL REFERENCES deadline (id),
    region_code  text         NOT NULL,
    kind         text         NOT NULL CHECK (kind IN ('DRAFT', 'FINAL')),
    state        text         NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DONE', 'FAILED')),
    attempts     integer      NOT NULL DEFAULT 0,
    report_id    uuid         REFERENCES report_snapshot (id),
    last_error   text,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    done_at      timestamptz,
    PRIMARY KEY (deadline_id, region_code, kind)
);
CREATE INDEX report_job_pending ON report_job (created_at) WHERE state = 'PENDING';
