-- One reporting deadline per region and report year (issue 12): before, only the exact due time
-- had to differ, so anyone allowed to set deadlines could queue any number of final reports for a
-- region. A database that already holds two deadlines of one region and year fails here by name;
-- decide which stands before migrating (both have generated reports, which are never deleted).
ALTER TABLE deadline DROP CONSTRAINT deadline_region_code_report_year_due_at_key;
ALTER TABLE deadline ADD CONSTRAINT deadline_one_per_region_and_year UNIQUE (region_code, report_year);
