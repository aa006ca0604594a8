-- A county's chart of accounts. Seeded with the education categories on first use; counties add more.
CREATE TABLE account (
    id           bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code  text         NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    code         text         NOT NULL CHECK (code ~ '^[0-9A-Za-z.-]{1,20}$'),
    name         text         NOT NULL,
    type         text         NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'NET_ASSETS', 'REVENUE', 'EXPENSE')),
    category     text         CHECK (category IN ('GENERAL_BUDGET_EDUCATION', 'PER_STUDENT_PUBLIC_FUNDS',
                                                  'LOCAL_EDUCATION_SURCHARGE', 'SPECIAL_EDUCATION_SUBSIDY',
                                                  'CAPITAL_PROJECTS', 'TEACHER_PAY', 'OTHER_EDUCATION',
                                                  'APPROPRIATION')),
    seeded       boolean      NOT NULL DEFAULT false,
    created_by   text         NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (region_code, code)
);

-- Postings (vouchers, 凭证): never updated, never deleted. A mistake is corrected by a reversal.
CREATE TABLE posting (
    id               uuid          PRIMARY KEY,
    seq              bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    region_code      text          NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    fiscal_year      integer       NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
    booking_date     date          NOT NULL CHECK (extract(year FROM booking_date) = fiscal_year),
    voucher_number   text          NOT NULL,
    memo             text          NOT NULL DEFAULT '',
    school_code      text          CHECK (school_code ~ '^[0-9]{10}$'),
    stage            text          CHECK (stage IN ('PRESCHOOL', 'PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'SPECIAL')),
    reversal_of      uuid          UNIQUE REFERENCES posting (id),
    reversal_reason  text,
    idempotency_key  text          NOT NULL,
    request_hash     text          NOT NULL,
    booked_by        text          NOT NULL,
    booked_at        timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (region_code, idempotency_key),
    UNIQUE (region_code, fiscal_year, voucher_number),
    CHECK ((reversal_of IS NULL) = (reversal_reason IS NULL))
);

CREATE INDEX posting_booking_order ON posting (region_code, fiscal_year, booking_date, seq);

CREATE TABLE posting_line (
    posting_id    uuid           NOT NULL REFERENCES posting (id),
    line_no       integer        NOT NULL CHECK (line_no >= 0),
    region_code   text           NOT NULL,
    fiscal_year   integer        NOT NULL,
    booking_date  date           NOT NULL,
    seq           bigint         NOT NULL,
    account_code  text           NOT NULL,
    debit         numeric(18,2)  NOT NULL CHECK (debit >= 0),
    credit        numeric(18,2)  NOT NULL CHECK (credit >= 0),
    PRIMARY KEY (posting_id, line_no),
    FOREIGN KEY (region_code, account_code) REFERENCES account (region_code, code),
    CHECK ((debit = 0) <> (credit = 0))
);

-- An account statement reads one account-year in booking order, with the amounts in the index.
CREATE INDEX posting_line_statement ON posting_line (region_code, account_code, fiscal_year, booking_date, seq, line_no)
    INCLUDE (debit, credit);

-- Running totals per account, stage and school: what balances, trial balances and category
-- totals read, so they answer in constant time whatever the number of lines. Written in the
-- posting's transaction; derived, so it may be updated (increments only).
CREATE TABLE ledger_total (
    region_code   text           NOT NULL,
    fiscal_year   integer        NOT NULL,
    account_code  text           NOT NULL,
    stage         text           NOT NULL DEFAULT '',
    school_code   text           NOT NULL DEFAULT '',
    debit         numeric(20,2)  NOT NULL DEFAULT 0,
    credit        numeric(20,2)  NOT NULL DEFAULT 0,
    lines         bigint         NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, fiscal_year, account_code, stage, school_code)
);

CREATE TABLE fiscal_year_closure (
    region_code  text         NOT NULL,
    fiscal_year  integer      NOT NULL,
    closed_by    text         NOT NULL,
    closed_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, fiscal_year)
);

-- The past cannot be changed silently: not by the application, not by anyone with SQL access.
CREATE FUNCTION refuse_ledger_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger rows in % are never updated or deleted; book a reversal instead', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER posting_is_append_only BEFORE UPDATE OR DELETE ON posting
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER posting_line_is_append_only BEFORE UPDATE OR DELETE ON posting_line
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER posting_is_not_truncated BEFORE TRUNCATE ON posting
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER posting_line_is_not_truncated BEFORE TRUNCATE ON posting_line
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER closure_is_final BEFORE UPDATE OR DELETE ON fiscal_year_closure
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
