-- Completed resyncs of the read model from the owners' APIs, per requested region: how a
-- start-up rebuild knows it is done (an interrupted one is not recorded and runs again).
CREATE TABLE read_model_resync (
    region_code   text         PRIMARY KEY,
    counties      integer      NOT NULL,
    completed_at  timestamptz  NOT NULL,
    completed_by  text
);
