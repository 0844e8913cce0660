-- Belfry schema, version 10: when an event's retry horizon starts (D125). NULL: at its creation (created_at); belfry
-- admin redeliver sets it to the redelivery's time, so a redelivered old event gets the whole horizon again.
ALTER TABLE bot_events ADD COLUMN retry_from BIGINT;
