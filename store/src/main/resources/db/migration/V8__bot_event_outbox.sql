-- Belfry schema, version 8: the bot events outbox (issue 15, D100-D114). A row is written in the transaction of the
-- change that caused it (a bot added to or removed from a room, a message mentioning it), so an event exists exactly
-- when its change committed. The server's delivery worker sends it and records the outcome here.
-- No foreign key to rooms or bots: a Remove outlives its room (DeleteRoom). Deleting the account drops its events.
CREATE TABLE bot_events (
  event_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
  account_id      VARCHAR(64)   NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  bot_id          VARCHAR(64)   NOT NULL,
  room_id         VARCHAR(64)   NOT NULL,
  -- the order of the bot's events in the room (1, 2, ...), given under the room's lock: delivery keeps it (D104)
  seq             BIGINT        NOT NULL,
  event_type      VARCHAR(16)   NOT NULL,
  sender_id       VARCHAR(2048) NOT NULL,
  message         TEXT,
  created_at      BIGINT        NOT NULL,
  -- pending, delivered or dead (D105)
  status          VARCHAR(16)   NOT NULL,
  attempts        INTEGER       NOT NULL,
  next_attempt_at BIGINT        NOT NULL,
  -- the server delivering it and until when; an expired claim is free for another server (D106)
  claimed_by      VARCHAR(128),
  claim_expires   BIGINT,
  last_error      VARCHAR(1024),
  finished_at     BIGINT,
  UNIQUE (bot_id, room_id, seq)
);
-- the worker's scan of what is due, and the listing of one bot's deliveries
CREATE INDEX bot_events_due ON bot_events (status, next_attempt_at);
CREATE INDEX bot_events_by_bot ON bot_events (account_id, bot_id, created_at, event_id);
