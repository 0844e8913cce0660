-- Belfry schema, version 5: the phone number inventory (D60-D69). Belfry places no calls; these tables hold the
-- administrative state. Every row belongs to one tenant (the AWS account of the caller's credentials); the same
-- number may sit in two tenants' inventories, each seeing only its own (D69).

-- one row per tenant that has touched its inventory: the lock phone number writes take (FOR UPDATE), and the
-- tenant's default calling name (GetPhoneNumberSettings)
CREATE TABLE phone_number_tenants (
  aws_account_id          VARCHAR(64) NOT NULL PRIMARY KEY,
  calling_name            VARCHAR(32),
  calling_name_updated_at BIGINT
);

-- the status is not stored: deletion_at set = DeleteInProgress, user_id set = Assigned, else Unassigned.
-- deletion_at is the deadline after which the number is gone (D64); reads ignore rows past it.
CREATE TABLE phone_numbers (
  aws_account_id VARCHAR(64) NOT NULL,
  e164           VARCHAR(16) NOT NULL,
  country        VARCHAR(2)  NOT NULL,
  number_type    VARCHAR(16) NOT NULL,
  product_type   VARCHAR(32) NOT NULL,
  calling_name   VARCHAR(32),
  -- the association with a user (D67); deleting the account or the user ends it
  account_id     VARCHAR(64) REFERENCES accounts (account_id) ON DELETE SET NULL,
  user_id        VARCHAR(64) REFERENCES users (user_id) ON DELETE SET NULL,
  associated_at  BIGINT,
  created_at     BIGINT      NOT NULL,
  updated_at     BIGINT      NOT NULL,
  deletion_at    BIGINT,
  PRIMARY KEY (aws_account_id, e164)
);
CREATE INDEX phone_numbers_by_created ON phone_numbers (aws_account_id, created_at, e164);
-- a user has at most one PrimaryProvisionedNumber
CREATE UNIQUE INDEX phone_numbers_by_user ON phone_numbers (user_id);

CREATE TABLE phone_number_orders (
  aws_account_id VARCHAR(64) NOT NULL,
  order_id       VARCHAR(64) NOT NULL PRIMARY KEY,
  product_type   VARCHAR(32) NOT NULL,
  status         VARCHAR(16) NOT NULL,
  created_at     BIGINT      NOT NULL,
  updated_at     BIGINT      NOT NULL
);
CREATE INDEX phone_number_orders_by_created ON phone_number_orders (aws_account_id, created_at, order_id);

-- the numbers of an order, in the order they were asked for, with what became of each
CREATE TABLE phone_number_order_numbers (
  order_id VARCHAR(64) NOT NULL REFERENCES phone_number_orders (order_id) ON DELETE CASCADE,
  position INTEGER     NOT NULL,
  e164     VARCHAR(16) NOT NULL,
  status   VARCHAR(16) NOT NULL,
  PRIMARY KEY (order_id, position)
);
