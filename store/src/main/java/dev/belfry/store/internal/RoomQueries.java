package dev.belfry.store.internal;

import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.StoreTransaction.IdempotentRoom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rooms and their idempotency tokens (D5). */
final class RoomQueries {
    private static final String COLUMNS = "r.room_id, r.account_id, r.name, r.created_by, r.created_at, r.updated_at";

    private final Sql sql;
    private final Dialect dialect;

    RoomQueries(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    void insert(Room r) {
        sql.update(
                "INSERT INTO rooms (room_id, account_id, name, created_by, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                r.roomId(),
                r.accountId(),
                r.name(),
                r.createdBy(),
                r.createdAt(),
                r.updatedAt());
    }

    void update(Room r) {
        sql.update(
                "UPDATE rooms SET name = ?, created_by = ?, updated_at = ? WHERE room_id = ?",
                r.name(),
                r.createdBy(),
                r.updatedAt(),
                r.roomId());
    }

    Optional<Room> get(String accountId, String roomId) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM rooms r WHERE r.account_id = ? AND r.room_id = ?",
                RoomQueries::map,
                accountId,
                roomId);
    }

    /** The room, locked until the transaction ends, with its member count (which the lock keeps still). */
    Optional<Map.Entry<Room, Long>> lock(String accountId, String roomId) {
        return sql.one(
                "SELECT " + COLUMNS + ", r.member_count FROM rooms r WHERE r.account_id = ? AND r.room_id = ?"
                        + dialect.forUpdate(),
                rs -> Map.entry(map(rs), rs.getLong("member_count")),
                accountId,
                roomId);
    }

    List<Room> list(String accountId, String memberId, Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        String from = " FROM rooms r";
        if (memberId != null) {
            from += " JOIN memberships m ON m.room_id = r.room_id AND m.member_id = ?";
            params.add(memberId);
        }
        params.add(accountId);
        String where = " WHERE r.account_id = ?" + Sql.after("r.created_at", "r.room_id", after, params);
        params.add(limit);
        return sql.list(
                "SELECT " + COLUMNS + from + where + " ORDER BY r.created_at, r.room_id LIMIT ?",
                RoomQueries::map,
                params);
    }

    /** Children first, so it works whether or not the database enforces ON DELETE CASCADE. */
    void delete(String roomId) {
        // its members leave: keep their room counts (schema V3) in step
        String leaving = " IN (SELECT member_id FROM memberships WHERE room_id = ?)";
        sql.update("UPDATE users SET room_count = room_count - 1 WHERE user_id" + leaving, roomId);
        sql.update("UPDATE bots SET room_count = room_count - 1 WHERE bot_id" + leaving, roomId);
        sql.update("DELETE FROM memberships WHERE room_id = ?", roomId);
        sql.update("DELETE FROM room_tokens WHERE room_id = ?", roomId);
        sql.update("DELETE FROM rooms WHERE room_id = ?", roomId);
    }

    long count(String accountId) {
        return sql.count("SELECT COUNT(*) FROM rooms WHERE account_id = ?", List.of(accountId));
    }

    Optional<IdempotentRoom> forToken(String accountId, String token, Instant notBefore) {
        return sql.one(
                "SELECT room_id, name FROM room_tokens WHERE account_id = ? AND token = ? AND created_at >= ?",
                rs -> new IdempotentRoom(rs.getString("room_id"), rs.getString("name")),
                accountId,
                token,
                notBefore == null ? Long.MIN_VALUE : notBefore.toEpochMilli());
    }

    /**
     * Inserts the token, or takes over an expired one (created before notBefore). A live token keeps its
     * room: the statement then touches no row and the caller learns it lost a race. On PostgreSQL a
     * concurrent uncommitted insert of the same key makes this wait for that transaction, so exactly one wins.
     */
    boolean claimToken(
            String accountId, String token, String roomId, String name, Instant createdAt, Instant notBefore) {
        long expiredBefore = notBefore == null ? Long.MAX_VALUE : notBefore.toEpochMilli();
        return sql.update(
                        "INSERT INTO room_tokens (account_id, token, room_id, name, created_at) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (account_id, token) DO UPDATE SET room_id = excluded.room_id, name = excluded.name,"
                                + " created_at = excluded.created_at WHERE room_tokens.created_at < ?",
                        accountId,
                        token,
                        roomId,
                        name,
                        createdAt,
                        expiredBefore)
                == 1;
    }

    private static Room map(ResultSet rs) throws SQLException {
        return new Room(
                rs.getString("room_id"),
                rs.getString("account_id"),
                rs.getString("name"),
                rs.getString("created_by"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
