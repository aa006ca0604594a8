-- When a job was claimed (its transaction's start) besides when it was done (the wall clock at
-- the end of its work), so an operator and bench/scale can read each report's generation time.
ALTER TABLE report_job ADD COLUMN started_at timestamptz;
