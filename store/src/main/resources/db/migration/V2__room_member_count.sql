-- Belfry schema, version 2: each room carries its member count, kept by the store in the same transaction as
-- every membership insert and delete (under the room lock). The member limit check of a batch then reads one
-- row instead of counting the room's memberships, which took O(room size) per batch (BENCHMARKS.md, large rooms).
ALTER TABLE rooms ADD COLUMN member_count BIGINT NOT NULL DEFAULT 0;
UPDATE rooms SET member_count = (SELECT COUNT(*) FROM memberships m WHERE m.room_id = rooms.room_id);
