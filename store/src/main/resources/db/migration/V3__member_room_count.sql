-- Belfry schema, version 3: each user and bot carries how many rooms it is in, kept by the store in the same
-- transaction as every membership insert and delete. A batch reads it together with the member's row lock, so the
-- rooms-per-member check (D9) costs nothing per room the member is in; counting memberships_by_member did, up to
-- the limit of 1,000 rooms per member for every one of a batch's 50 members (BENCHMARKS.md item 11).
ALTER TABLE users ADD COLUMN room_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bots ADD COLUMN room_count BIGINT NOT NULL DEFAULT 0;
UPDATE users SET room_count = (SELECT COUNT(*) FROM memberships m WHERE m.member_id = users.user_id);
UPDATE bots SET room_count = (SELECT COUNT(*) FROM memberships m WHERE m.member_id = bots.bot_id);
