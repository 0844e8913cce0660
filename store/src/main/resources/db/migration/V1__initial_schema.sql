-- Belfry schema, version 1. Portable SQL: runs unchanged on SQLite (>= 3.24) and PostgreSQL.
-- Timestamps are epoch milliseconds (BIGINT); enums are stored by name; ids are lowercase UUIDs.

CREATE TABLE accounts (
  account_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
  aws_account_id     VARCHAR(64)   NOT NULL,
  name               VARCHAR(1024) NOT NULL,
  account_type       VARCHAR(32)   NOT NULL,
  status             VARCHAR(32)   NOT NULL,
  default_license    VARCHAR(32),
  -- comma-separated License names; NULL = unset, '' = empty list
  supported_licenses VARCHAR(256),
  created_at         BIGINT        NOT NULL
);
-- every account read filters by tenant, and listings page by (created_at, account_id)
CREATE INDEX accounts_by_tenant ON accounts (aws_account_id, created_at, account_id);

CREATE TABLE users (
  user_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
  account_id          VARCHAR(64)  NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  primary_email       VARCHAR(512),
  -- lower-cased primary_email: userByEmail is case-insensitive on both databases
  email_lower         VARCHAR(512),
  display_name        VARCHAR(1024),
  license_type        VARCHAR(32),
  user_type           VARCHAR(32),
  registration_status VARCHAR(32),
  invitation_status   VARCHAR(32),
  registered_on       BIGINT,
  invited_on          BIGINT,
  created_at          BIGINT       NOT NULL
);
CREATE INDEX users_by_account ON users (account_id, created_at, user_id);
CREATE INDEX users_by_email ON users (email_lower);

CREATE TABLE bots (
  bot_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
  account_id     VARCHAR(64)   NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  display_name   VARCHAR(1024),
  disabled       BOOLEAN       NOT NULL,
  created_at     BIGINT        NOT NULL,
  updated_at     BIGINT,
  bot_email      VARCHAR(512),
  security_token VARCHAR(1024)
);
CREATE INDEX bots_by_account ON bots (account_id, created_at, bot_id);

CREATE TABLE rooms (
  room_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
  account_id VARCHAR(64)   NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  name       VARCHAR(1024) NOT NULL,
  created_by VARCHAR(2048),
  created_at BIGINT        NOT NULL,
  updated_at BIGINT        NOT NULL
);
CREATE INDEX rooms_by_account ON rooms (account_id, created_at, room_id);

-- CreateRoom idempotency (D5): the room a ClientRequestToken created, and the name it was created with
CREATE TABLE room_tokens (
  account_id VARCHAR(64)   NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  token      VARCHAR(128)  NOT NULL,
  room_id    VARCHAR(64)   NOT NULL REFERENCES rooms (room_id) ON DELETE CASCADE,
  name       VARCHAR(1024) NOT NULL,
  created_at BIGINT        NOT NULL,
  PRIMARY KEY (account_id, token)
);
CREATE INDEX room_tokens_by_room ON room_tokens (room_id);

-- member_id is a user id or a bot id (no foreign key: it points at one of two tables)
CREATE TABLE memberships (
  room_id     VARCHAR(64)  NOT NULL REFERENCES rooms (room_id) ON DELETE CASCADE,
  member_id   VARCHAR(64)  NOT NULL,
  member_type VARCHAR(16)  NOT NULL,
  role        VARCHAR(32)  NOT NULL,
  invited_by  VARCHAR(2048),
  added_at    BIGINT       NOT NULL,
  updated_at  BIGINT       NOT NULL,
  PRIMARY KEY (room_id, member_id)
);
-- rooms of a member (ListRooms?member-id, room counts) and a room's members in listing order (D16)
CREATE INDEX memberships_by_member ON memberships (member_id, room_id);
CREATE INDEX memberships_by_added ON memberships (room_id, added_at, member_id);

-- shared secrets and other server-wide values every server on this database must agree on
CREATE TABLE settings (
  name  VARCHAR(128)  NOT NULL PRIMARY KEY,
  value VARCHAR(4096) NOT NULL
);
