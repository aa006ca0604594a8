-- When a job was claimed (its transaction's start) besides when it was done (the wall clock at
-- the end of its work), and which process did it, so an operator (and bench/scale) can read each
-- report's generation time and how replicas shared a burst.
ALTER TABLE report_job ADD COLUMN started_at timestamptz;
ALTER TABLE report_job ADD COLUMN worked_by text;
