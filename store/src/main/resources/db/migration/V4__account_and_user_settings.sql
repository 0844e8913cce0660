-- Belfry schema, version 4: account and user settings (issue 13, D51-D59). Portable SQL, as V1.
-- A settings row that does not exist means the defaults (D51, D55): nothing is written for an account or user
-- until someone changes a setting, so accounts and users created before this version need no backfill.

-- GetAccountSettings / UpdateAccountSettings (D51)
CREATE TABLE account_settings (
  account_id             VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES accounts (account_id) ON DELETE CASCADE,
  disable_remote_control BOOLEAN     NOT NULL,
  enable_dial_out        BOOLEAN     NOT NULL
);

-- AssociateSigninDelegateGroupsWithAccount: Account.SigninDelegateGroups in association order (D52)
CREATE TABLE signin_delegate_groups (
  account_id    VARCHAR(64)   NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
  group_name    VARCHAR(1024) NOT NULL,
  associated_at BIGINT        NOT NULL,
  PRIMARY KEY (account_id, group_name)
);

-- GetGlobalSettings / UpdateGlobalSettings: one row per tenant (AWS account id), NULL = no bucket (D53)
CREATE TABLE global_settings (
  aws_account_id              VARCHAR(64)   NOT NULL PRIMARY KEY,
  business_calling_cdr_bucket VARCHAR(1024),
  voice_connector_cdr_bucket  VARCHAR(1024)
);

-- GetUserSettings / UpdateUserSettings (D55)
CREATE TABLE user_settings (
  user_id          VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
  inbound_calling  BOOLEAN     NOT NULL,
  outbound_calling BOOLEAN     NOT NULL,
  sms              BOOLEAN     NOT NULL
);

-- GetRetentionSettings / PutRetentionSettings (D58): NULL days = that retention is off; set_at starts the grace
CREATE TABLE retention_settings (
  account_id        VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES accounts (account_id) ON DELETE CASCADE,
  room_days         INTEGER,
  conversation_days INTEGER,
  set_at            BIGINT      NOT NULL
);

-- ResetPersonalPIN (D57) and LogoutUser (D56). A PIN is unique in its account; NULLs do not collide.
ALTER TABLE users ADD COLUMN personal_pin VARCHAR(16);
ALTER TABLE users ADD COLUMN logged_out_at BIGINT;
CREATE UNIQUE INDEX users_pin_in_account ON users (account_id, personal_pin);
