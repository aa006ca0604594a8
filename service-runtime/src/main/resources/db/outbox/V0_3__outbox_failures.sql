-- An event Kafka refuses for good (e.g. larger than the topic accepts) is parked here instead of
-- blocking every event behind it; readiness reports it until an operator deals with it.
ALTER TABLE outbox ADD COLUMN failed_at timestamptz, ADD COLUMN failure text;
DROP INDEX outbox_unsent;
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL AND failed_at IS NULL;
