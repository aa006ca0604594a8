-- The read model is read by region prefix (a county's townships and postings, everything below a
-- prefecture or a province: LIKE '5201%'). text_pattern_ops indexes serve such a prefix under any
-- collation, so one county's report reads its own rows whatever the size of the country around it
-- (bench/scale, national burst); the earlier indexes on county_code served no query of the figures.
CREATE INDEX rm_region_code_prefix ON rm_region (code text_pattern_ops);
CREATE INDEX rm_school_township_prefix ON rm_school (township_code text_pattern_ops);
CREATE INDEX rm_school_year_township_prefix ON rm_school_year (township_code text_pattern_ops, school_year);
CREATE INDEX rm_posting_region_prefix ON rm_posting (region_code text_pattern_ops, fiscal_year);
CREATE INDEX rm_fiscal_context_region_prefix ON rm_fiscal_context (region_code text_pattern_ops);
CREATE INDEX report_snapshot_region_prefix ON report_snapshot (region_code text_pattern_ops, report_year);
