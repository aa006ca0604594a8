-- A failed deadline job waits before its next attempt (a minute times the attempts so far), so
-- a passing outage does not use up its attempts within one tick.
ALTER TABLE report_job ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
DROP INDEX report_job_pending;
CREATE INDEX report_job_pending ON report_job (next_attempt_at) WHERE state = 'PENDING';
