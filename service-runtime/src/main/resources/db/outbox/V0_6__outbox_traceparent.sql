-- The W3C trace context of the write that recorded the event (CloudEvents' Distributed Tracing
-- extension), when it was recorded inside a traced request; the relay puts it on the Kafka record.
ALTER TABLE outbox ADD COLUMN traceparent text;
