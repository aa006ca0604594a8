-- Audit trail (GB/T 22239-2019 level 3): every write and every refused request (401, 403, 429)
-- of the service's API, written by the service outside the request's own transaction, so a
-- refused or failed write keeps its row. Append-only: nobody updates or deletes a row, except
-- audit_purge() below removing rows past the retention period.
CREATE TABLE audit_event (
    seq            bigserial    PRIMARY KEY,
    at             timestamptz  NOT NULL,
    request_id     text         NOT NULL,
    -- 'anonymous' when the request carried no token it could trust (a 401)
    subject        text         NOT NULL,
    roles          text,
    -- the token's region claim, when it is a valid GB/T 2260 code
    subject_region text,
    method         text         NOT NULL,
    path           text         NOT NULL,
    resource_id    text,
    -- the first region code in the path: whose data the request addressed
    target_region  text,
    status         smallint     NOT NULL
);

-- the application role may only insert and read it (ApplicationRoleGrants reads this marker)
COMMENT ON TABLE audit_event IS 'append-only: the audit trail; only audit_purge() removes rows past the retention';

CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_subject ON audit_event (subject, at);

-- Refuses every UPDATE, TRUNCATE and every DELETE except the purge's (which marks its
-- transaction), and even the purge only of rows older than the legal minimum of 180 days
-- (网络安全法 §21: network logs are kept for at least six months).
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF current_setting('eduduty.audit_purge', true) = 'on' AND OLD.at < now() - interval '180 days' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- The retention purge, run by the service's scheduled job. SECURITY DEFINER: it runs as the
-- schema owner, so the application role needs only EXECUTE on it (and INSERT, SELECT on the
-- table), never DELETE. It refuses a retention shorter than the legal minimum.
CREATE FUNCTION audit_purge(retention interval) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    purged bigint;
BEGIN
    IF retention < interval '180 days' THEN
        RAISE EXCEPTION 'audit retention % is shorter than the minimum of 180 days', retention
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('eduduty.audit_purge', 'on', true);
    DELETE FROM audit_event WHERE at < now() - retention;
    GET DIAGNOSTICS purged = ROW_COUNT;
    PERFORM set_config('eduduty.audit_purge', 'off', true);
    RETURN purged;
END
$$;
