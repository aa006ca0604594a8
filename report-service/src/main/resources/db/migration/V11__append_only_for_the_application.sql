-- The application role may only add snapshots and journal entries and read them: a comment
-- beginning with "append-only" makes service-runtime's ApplicationRoleGrants give it SELECT and
-- INSERT on the table and nothing else (no UPDATE, DELETE, TRUNCATE; not the owner, so it cannot
-- disable the snapshot's triggers of V3 either).
COMMENT ON TABLE report_snapshot IS 'append-only: what a generated report said; a correction is a new snapshot';
COMMENT ON TABLE received_event IS 'append-only: every event applied, as received, the read model''s raw material';
