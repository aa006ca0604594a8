-- What a county signs, per self-evaluation, as indicator.self-evaluation.signing-recorded last
-- said: the signing authority (NULL: the report's default "<county>人民政府"), the date, its
-- 经典做法 and 改进措施 in order (empty: not chosen). The newest version wins.
CREATE TABLE rm_self_evaluation_signing (
    self_evaluation_id    uuid    PRIMARY KEY,
    signing_authority     text,
    signing_date          date,
    notable_practices     jsonb   NOT NULL,
    improvement_measures  jsonb   NOT NULL,
    version               bigint  NOT NULL,
    event_id              uuid    NOT NULL
);
