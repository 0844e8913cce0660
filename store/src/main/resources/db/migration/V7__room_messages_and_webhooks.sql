-- Belfry schema, version 7: rooms that carry messages (issue 14, D70-D79).
-- A room's incoming webhooks. The token is never stored, only its SHA-256 (hex): a URL lost is regenerated, not
-- looked up (D71). last_post_at paces posts (D73) on every server alike. The webhook is also a row of memberships
-- (member_type 'Webhook', role 'Member'), its place in the room's roster (D72), written and deleted with it.
CREATE TABLE room_webhooks (
  webhook_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
  -- the account's tenant, so a post (which has no caller) checks the account as every operation does
  tenant_id    VARCHAR(64)   NOT NULL,
  account_id   VARCHAR(64)   NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  room_id      VARCHAR(64)   NOT NULL REFERENCES rooms (room_id) ON DELETE CASCADE,
  name         VARCHAR(1024) NOT NULL,
  token_sha256 VARCHAR(64)   NOT NULL,
  created_by   VARCHAR(2048),
  created_at   BIGINT        NOT NULL,
  last_post_at BIGINT
);
CREATE INDEX room_webhooks_by_room ON room_webhooks (room_id, created_at, webhook_id);

-- A room's messages. The sender's name is kept as it was when the message was posted, so a message outlives its
-- webhook or bot. content is NULL once the message is redacted (D75); retention deletes rows (D76).
CREATE TABLE room_messages (
  message_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
  account_id  VARCHAR(64)   NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  room_id     VARCHAR(64)   NOT NULL REFERENCES rooms (room_id) ON DELETE CASCADE,
  sender_id   VARCHAR(64)   NOT NULL,
  sender_type VARCHAR(16)   NOT NULL,
  sender_name VARCHAR(1024),
  content     TEXT,
  created_at  BIGINT        NOT NULL,
  redacted_at BIGINT
);
-- ListRoomMessages pages by (created_at, message_id) in a room; the retention sweep deletes by account and age
CREATE INDEX room_messages_by_room ON room_messages (room_id, created_at, message_id);
CREATE INDEX room_messages_by_age ON room_messages (account_id, created_at);

-- Background work that one server of several on a database should do at a time (the retention sweep, D77): the
-- holder renews its lease; another server takes over once it has expired.
CREATE TABLE job_leases (
  name        VARCHAR(128) NOT NULL PRIMARY KEY,
  holder      VARCHAR(128) NOT NULL,
  expires_at  BIGINT       NOT NULL
);
