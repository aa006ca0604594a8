-- The application role may only add to the ledger and read it: a comment beginning with
-- "append-only" makes service-runtime's ApplicationRoleGrants give it SELECT and INSERT on the
-- table and nothing else (no UPDATE, DELETE, TRUNCATE; not the owner, so it cannot disable the
-- triggers of V2 either). The triggers still hold against the owner.
COMMENT ON TABLE posting IS 'append-only: vouchers are never updated or deleted; a mistake is corrected by a reversal';
COMMENT ON TABLE posting_line IS 'append-only: the lines of a voucher, as booked';
COMMENT ON TABLE fiscal_year_closure IS 'append-only: a closed fiscal year stays closed';

-- V2 forbade UPDATE and DELETE of a closure but not TRUNCATE, which fires no row trigger.
CREATE TRIGGER closure_is_not_truncated BEFORE TRUNCATE ON fiscal_year_closure
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
