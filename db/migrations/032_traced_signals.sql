-- The trace an owed signal belongs to (W3C trace context of the request that stored the answer), so the relay
-- carries the same trace on into the workflow. Ids only; null when tracing is off.
alter table workflow_signals add column trace_context jsonb;
