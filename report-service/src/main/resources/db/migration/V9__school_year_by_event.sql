-- A report parses each stored school year once (RegistryInputs keeps the parsed ones by row identity)
-- and fetches the data of those it has not parsed by their event id.
CREATE INDEX rm_school_year_event ON rm_school_year (event_id);
