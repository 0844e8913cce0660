-- Belfry schema, version 6: where each bot's outgoing events go (PutEventsConfiguration), at most one per bot.
-- One of the two targets is set, never both (D43); deleting the bot or its account deletes it.
CREATE TABLE bot_events_configurations (
  bot_id              VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES bots (bot_id) ON DELETE CASCADE,
  account_id          VARCHAR(64)   NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  https_endpoint      VARCHAR(2048),
  lambda_function_arn VARCHAR(2048),
  updated_at          BIGINT        NOT NULL
);
