package dev.belfry.store.internal;

import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.Member;
import dev.belfry.rooms.Membership;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Room memberships, read back joined to users and bots so each carries its full Member. */
final class MembershipQueries {
    private static final String COLUMNS = "m.room_id, m.member_id, m.member_type, m.role, m.invited_by,"
            + " m.added_at, m.updated_at, u.primary_email AS u_email, u.display_name AS u_name,"
            + " u.account_id AS u_account, u.registration_status AS u_status, b.bot_email AS b_email,"
            + " b.display_name AS b_name, b.account_id AS b_account, b.disabled AS b_disabled,"
            + " w.name AS w_name, w.account_id AS w_account";
    /** A member_id is a user's, a bot's or a webhook's (D72) id: the row of its own table carries its details. */
    private static final String JOIN_MEMBERS = " LEFT JOIN users u ON u.user_id = m.member_id"
            + " LEFT JOIN bots b ON b.bot_id = m.member_id LEFT JOIN room_webhooks w ON w.webhook_id = m.member_id";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM memberships m" + JOIN_MEMBERS;
    /** Rows per INSERT: 7 parameters each stays far below every parameter limit. */
    static final int ROWS_PER_STATEMENT = 200;

    private final Sql sql;

    MembershipQueries(Sql sql) {
        this.sql = sql;
    }

    Map<String, Membership> of(String roomId, Collection<String> memberIds) {
        Map<String, Membership> out = new LinkedHashMap<>();
        for (List<String> chunk : MemberQueries.chunks(memberIds)) {
            sql.queries(List.of(of(roomId, chunk, out)));
        }
        return out;
    }

    /** The memberships of these members in the room, by primary key (room_id, member_id). */
    static Sql.Query of(String roomId, List<String> memberIds, Map<String, Membership> into) {
        List<Object> params = new ArrayList<>(List.of(roomId));
        params.addAll(memberIds);
        return new Sql.Query(
                SELECT + " WHERE m.room_id = ? AND m.member_id IN (" + Sql.marks(memberIds.size()) + ")",
                params,
                rs -> {
                    Membership m = map(rs);
                    into.put(m.memberId(), m);
                });
    }

    List<Membership> list(String roomId, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(roomId));
        // a row value, not Sql.after's OR: PostgreSQL then seeks in memberships_by_added instead of filtering the
        // room's rows from its first, which made listing a 100,000-member room quadratic (D88)
        String where = " WHERE m.room_id = ?";
        if (after != null) {
            where += " AND (m.added_at, m.member_id) > (?, ?)";
            params.add(after.sortKey());
            params.add(after.id());
        }
        params.add(limit);
        return sql.list(SELECT + where + " ORDER BY m.added_at, m.member_id LIMIT ?", MembershipQueries::map, params);
    }

    /** O(1): the room's member_count (schema V2), kept in step by {@link #insert} and {@link #delete}. */
    long count(String roomId) {
        return sql.count("SELECT COALESCE((SELECT member_count FROM rooms WHERE room_id = ?), 0)", List.of(roomId));
    }

    boolean delete(String roomId, String memberId) {
        boolean deleted =
                sql.update("DELETE FROM memberships WHERE room_id = ? AND member_id = ?", roomId, memberId) > 0;
        if (deleted) {
            List<Sql.Update> counts = new ArrayList<>();
            counts.add(new Sql.Update(
                    "UPDATE rooms SET member_count = member_count - 1 WHERE room_id = ?", List.of(roomId)));
            counts.addAll(MemberQueries.addRooms(List.of(memberId), null, -1));
            sql.updates(counts);
        }
        return deleted;
    }

    /**
     * Plain multi-row INSERTs, then one count update per room and one per member table (schemas V2, V3), all
     * sent together. No ON CONFLICT: the caller has the room locked
     * and has looked, so an existing row would be a bug, and it should fail loudly rather than skew the count.
     */
    void insert(List<Membership> rows) {
        Map<String, Long> added = new LinkedHashMap<>();
        Map<MemberType, List<String>> joined = new java.util.EnumMap<>(MemberType.class);
        List<Sql.Update> writes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += ROWS_PER_STATEMENT) {
            List<Membership> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_STATEMENT));
            List<Object> params = new ArrayList<>(chunk.size() * 7);
            for (Membership m : chunk) {
                params.add(m.roomId());
                params.add(m.memberId());
                params.add(m.member().type().name());
                params.add(m.role().name());
                params.add(m.invitedBy());
                params.add(m.addedAt().toEpochMilli());
                params.add(m.updatedAt().toEpochMilli());
                added.merge(m.roomId(), 1L, Long::sum);
                joined.computeIfAbsent(m.member().type(), t -> new ArrayList<>())
                        .add(m.memberId());
            }
            writes.add(new Sql.Update(
                    "INSERT INTO memberships (room_id, member_id, member_type, role, invited_by, added_at,"
                            + " updated_at) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?)")),
                    params));
        }
        added.forEach((room, n) -> writes.add(new Sql.Update(
                "UPDATE rooms SET member_count = member_count + ? WHERE room_id = ?", List.of(n, room))));
        // a member joining two rooms in one call is counted twice: one statement per distinct repeat count
        joined.forEach((type, ids) -> {
            Map<String, Long> times = new LinkedHashMap<>();
            ids.forEach(id -> times.merge(id, 1L, Long::sum));
            Map<Long, List<String>> byTimes = new LinkedHashMap<>();
            times.forEach((id, n) ->
                    byTimes.computeIfAbsent(n, k -> new ArrayList<>()).add(id));
            byTimes.forEach((n, same) -> writes.addAll(MemberQueries.addRooms(same, type, n)));
        });
        sql.updates(writes);
    }

    /** Existing rows only: role, invited_by and updated_at; added_at keeps the first add's value (D8). */
    void update(List<Membership> rows) {
        for (int i = 0; i < rows.size(); i += ROWS_PER_STATEMENT) {
            List<Membership> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_STATEMENT));
            List<Object> params = new ArrayList<>(chunk.size() * 5);
            for (Membership m : chunk) {
                params.add(m.roomId());
                params.add(m.memberId());
                params.add(m.role().name());
                params.add(m.invitedBy());
                params.add(m.updatedAt().toEpochMilli());
            }
            // UPDATE … FROM (VALUES …): one statement for the chunk on both databases (SQLite ≥ 3.33)
            sql.update(
                    "UPDATE memberships SET role = v.column3, invited_by = v.column4, updated_at = v.column5"
                            + " FROM (VALUES " + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)"))
                            + ") AS v"
                            + " WHERE memberships.room_id = v.column1 AND memberships.member_id = v.column2",
                    params);
        }
    }

    private static Membership map(ResultSet rs) throws SQLException {
        MemberType type = MemberType.valueOf(rs.getString("member_type"));
        boolean bot = type == MemberType.Bot;
        String blocked = null;
        if (bot && rs.getBoolean("b_disabled")) {
            blocked = MemberQueries.BOT_BLOCKED;
        } else if (!bot && "Suspended".equals(rs.getString("u_status"))) {
            blocked = MemberQueries.USER_BLOCKED;
        }
        Member member = type == MemberType.Webhook
                ? new Member(
                        rs.getString("member_id"), type, null, rs.getString("w_name"), rs.getString("w_account"), null)
                : new Member(
                        rs.getString("member_id"),
                        type,
                        rs.getString(bot ? "b_email" : "u_email"),
                        rs.getString(bot ? "b_name" : "u_name"),
                        rs.getString(bot ? "b_account" : "u_account"),
                        blocked);
        return new Membership(
                rs.getString("room_id"),
                member,
                Rows.enumOf(Role.class, rs, "role"),
                rs.getString("invited_by"),
                Rows.instant(rs, "added_at"),
                Rows.instant(rs, "updated_at"));
    }
}
