-- The application role may only add to the history of ratings and to the reviewers' comments and
-- read them: a comment beginning with "append-only" makes service-runtime's ApplicationRoleGrants
-- give it SELECT and INSERT on the table and nothing else. Triggers hold them against the owner
-- too, as the ledger's do.
COMMENT ON TABLE rating_change IS 'append-only: every change of a rating, who, when, from, to';
COMMENT ON TABLE review_comment IS 'append-only: what a reviewer wrote when returning a self-evaluation';

CREATE FUNCTION refuse_history_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is a history: its rows are never updated or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER rating_change_is_append_only BEFORE UPDATE OR DELETE ON rating_change
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER rating_change_is_not_truncated BEFORE TRUNCATE ON rating_change
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER review_comment_is_append_only BEFORE UPDATE OR DELETE ON review_comment
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER review_comment_is_not_truncated BEFORE TRUNCATE ON review_comment
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- An approved self-evaluation is frozen with its ratings. V2 looked at the new row only, so an
-- UPDATE could move a rating of an approved self-evaluation to another one (or change it on the
-- way): now the old row of an UPDATE is checked too. The self-evaluation row itself stays a
-- mutable row whose approved state this trigger freezes; the application role is not its owner
-- and may not truncate it, so it can neither disable the trigger nor get around it.
CREATE OR REPLACE FUNCTION refuse_change_to_approved_self_evaluation() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'self_evaluation' THEN
        IF OLD.status = 'APPROVED' THEN
            RAISE EXCEPTION 'self-evaluation % is approved and frozen', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
            SELECT 1 FROM self_evaluation s WHERE s.id = OLD.self_evaluation_id AND s.status = 'APPROVED') THEN
        RAISE EXCEPTION 'self-evaluation % is approved and frozen', OLD.self_evaluation_id USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
            SELECT 1 FROM self_evaluation s WHERE s.id = NEW.self_evaluation_id AND s.status = 'APPROVED') THEN
        RAISE EXCEPTION 'self-evaluation % is approved and frozen', NEW.self_evaluation_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

