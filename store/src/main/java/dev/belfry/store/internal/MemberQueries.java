package dev.belfry.store.internal;

import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Member;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.StoreTransaction.Candidate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who can be in a room: users and bots of an account (D22: a bot's member id is its bot id), and how many
 * rooms each is in (schema V3).
 */
final class MemberQueries {
    static final String USER_BLOCKED = "user is suspended";
    static final String BOT_BLOCKED = "bot is disabled";
    /** Ids per IN list: far below SQLite's and PostgreSQL's parameter limits. */
    static final int CHUNK = 500;

    private MemberQueries() {}

    /**
     * The members of the account among these ids, with their room counts and their memberships in the room; with
     * {@code lock} their rows are locked. One round trip on PostgreSQL: the users, the bots, then the memberships.
     */
    static Map<String, Candidate> candidates(
            Sql sql, String accountId, String roomId, Collection<String> ids, String lock) {
        Map<String, Candidate> found = new HashMap<>();
        Map<String, Membership> inRoom = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            sql.queries(List.of(
                    users(chunk, lock, found), bots(chunk, lock, found), MembershipQueries.of(roomId, chunk, inRoom)));
        }
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (String id : ids) {
            Candidate c = found.get(id);
            if (c != null && accountId.equals(c.member().accountId())) {
                out.put(id, new Candidate(c.member(), c.rooms(), inRoom.get(id)));
            }
        }
        return out;
    }

    /**
     * The users among these ids, with {@code lock} locked in id order (users before bots, see {@link #bots}, so two
     * transactions locking overlapping sets cannot deadlock). By primary key only, the account is checked by the
     * caller: with "account_id = ? AND user_id IN (…)" SQLite's planner (no ANALYZE statistics) chose
     * users_by_account and scanned every user of the account, O(account size) per batch inside the write lock
     * (BENCHMARKS.md item 1).
     */
    static Sql.Query users(List<String> ids, String lock, Map<String, Candidate> into) {
        return new Sql.Query(
                "SELECT user_id AS id, 'User' AS kind, primary_email AS email, display_name AS full_name,"
                        + " account_id, CASE WHEN registration_status = 'Suspended' THEN 1 ELSE 0 END AS blocked, room_count"
                        + " FROM users WHERE user_id IN (" + Sql.marks(ids.size()) + ") ORDER BY user_id" + lock,
                ids,
                rs -> into.putIfAbsent(rs.getString("id"), candidate(rs)));
    }

    /** The bots among these ids, as {@link #users}. */
    static Sql.Query bots(List<String> ids, String lock, Map<String, Candidate> into) {
        return new Sql.Query(
                "SELECT bot_id AS id, 'Bot' AS kind, bot_email AS email, display_name AS full_name,"
                        + " account_id, CASE WHEN disabled THEN 1 ELSE 0 END AS blocked, room_count"
                        + " FROM bots WHERE bot_id IN (" + Sql.marks(ids.size()) + ") ORDER BY bot_id" + lock,
                ids,
                rs -> into.putIfAbsent(rs.getString("id"), candidate(rs)));
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        MemberType type = MemberType.valueOf(rs.getString("kind"));
        boolean blocked = rs.getInt("blocked") != 0;
        return new Candidate(
                new Member(
                        rs.getString("id"),
                        type,
                        rs.getString("email"),
                        rs.getString("full_name"),
                        rs.getString("account_id"),
                        blocked ? (type == MemberType.Bot ? BOT_BLOCKED : USER_BLOCKED) : null),
                rs.getLong("room_count"),
                null);
    }

    /**
     * The statements that move the room counts (schema V3) of these members by {@code delta}: the members whose
     * memberships were just added or removed. With an unknown type (null) both tables are tried; an id is a
     * user or a bot.
     */
    static List<Sql.Update> addRooms(Collection<String> memberIds, MemberType type, long delta) {
        List<Sql.Update> out = new ArrayList<>();
        for (List<String> chunk : chunks(memberIds)) {
            String in = Sql.marks(chunk.size());
            List<Object> params = new ArrayList<>();
            params.add(delta);
            params.addAll(chunk);
            if (type != MemberType.Bot) {
                out.add(new Sql.Update(
                        "UPDATE users SET room_count = room_count + ? WHERE user_id IN (" + in + ")", params));
            }
            if (type != MemberType.User) {
                out.add(new Sql.Update(
                        "UPDATE bots SET room_count = room_count + ? WHERE bot_id IN (" + in + ")", params));
            }
        }
        return out;
    }

    static List<List<String>> chunks(Collection<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            out.add(distinct.subList(i, Math.min(distinct.size(), i + CHUNK)));
        }
        return out;
    }
}
