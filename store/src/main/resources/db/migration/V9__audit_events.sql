-- Belfry schema, version 9: the audit trail of membership changes (issue 16, D83-D86).
-- One row per change, written in the transaction that made it. No foreign keys: a record outlives the room, the
-- account and the member it names (a deleted room's members are recorded as leaving it). Roles are NULL where the
-- member was not in the room before (role_before) or is not after (role_after). Kept until the operator's
-- --audit-retention-days deletes it by age.
CREATE TABLE audit_events (
  event_id      VARCHAR(100)  NOT NULL PRIMARY KEY,
  occurred_at   BIGINT        NOT NULL,
  tenant_id     VARCHAR(64)   NOT NULL,
  account_id    VARCHAR(64)   NOT NULL,
  room_id       VARCHAR(64)   NOT NULL,
  member_id     VARCHAR(64)   NOT NULL,
  member_type   VARCHAR(16)   NOT NULL,
  role_before   VARCHAR(16),
  role_after    VARCHAR(16),
  operation     VARCHAR(64)   NOT NULL,
  principal_arn VARCHAR(2048),
  access_key_id VARCHAR(128),
  request_id    VARCHAR(64),
  source_ip     VARCHAR(64)
);
-- ListAuditEvents pages by (occurred_at, event_id) within a tenant, optionally narrowed to an account, a room or a member
CREATE INDEX audit_events_by_tenant ON audit_events (tenant_id, occurred_at, event_id);
CREATE INDEX audit_events_by_room ON audit_events (tenant_id, room_id, occurred_at, event_id);
CREATE INDEX audit_events_by_member ON audit_events (tenant_id, member_id, occurred_at, event_id);
-- the retention sweep deletes by age across tenants
CREATE INDEX audit_events_by_age ON audit_events (occurred_at);
