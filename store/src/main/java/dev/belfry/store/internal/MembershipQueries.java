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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Room memberships, read back joined to users and bots so each carries its full Member. */
final class MembershipQueries {
  private static final String SELECT = "SELECT m.room_id, m.member_id, m.member_type, m.role, m.invited_by,"
      + " m.added_at, m.updated_at, u.primary_email AS u_email, u.display_name AS u_name,"
      + " u.account_id AS u_account, u.registration_status AS u_status, b.bot_email AS b_email,"
      + " b.display_name AS b_name, b.account_id AS b_account, b.disabled AS b_disabled"
      + " FROM memberships m LEFT JOIN users u ON u.user_id = m.member_id"
      + " LEFT JOIN bots b ON b.bot_id = m.member_id";
  /** Rows per INSERT: 7 parameters each stays far below every parameter limit. */
  static final int ROWS_PER_STATEMENT = 200;

  private final Sql sql;

  MembershipQueries(Sql sql) {
    this.sql = sql;
  }

  Map<String, Membership> of(String roomId, Collection<String> memberIds) {
    Map<String, Membership> out = new LinkedHashMap<>();
    for (List<String> chunk : MemberQueries.chunks(memberIds)) {
      List<Object> params = new ArrayList<>(List.of(roomId));
      params.addAll(chunk);
      sql.list(SELECT + " WHERE m.room_id = ? AND m.member_id IN (" + Sql.marks(chunk.size()) + ")",
          MembershipQueries::map, params).forEach(m -> out.put(m.memberId(), m));
    }
    return out;
  }

  List<Membership> list(String roomId, Cursor after, int limit) {
    List<Object> params = new ArrayList<>(List.of(roomId));
    String where = " WHERE m.room_id = ?" + Sql.after("m.added_at", "m.member_id", after, params);
    params.add(limit);
    return sql.list(SELECT + where + " ORDER BY m.added_at, m.member_id LIMIT ?", MembershipQueries::map, params);
  }

  /** O(1): the room's member_count (schema V2), kept in step by {@link #upsert} and {@link #delete}. */
  long count(String roomId) {
    return sql.count("SELECT COALESCE((SELECT member_count FROM rooms WHERE room_id = ?), 0)", List.of(roomId));
  }

  boolean delete(String roomId, String memberId) {
    boolean deleted = sql.update("DELETE FROM memberships WHERE room_id = ? AND member_id = ?", roomId, memberId) > 0;
    if (deleted) {
      sql.update("UPDATE rooms SET member_count = member_count - 1 WHERE room_id = ?", roomId);
    }
    return deleted;
  }

  /**
   * One multi-row upsert per chunk. added_at is not in the update list, so it keeps the first add's
   * value (D8). A member listed twice is merged first: one statement may not touch a row twice.
   */
  void upsert(List<Membership> memberships) {
    List<Membership> rows = merge(memberships);
    for (int i = 0; i < rows.size(); i += ROWS_PER_STATEMENT) {
      List<Membership> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_STATEMENT));
      Map<String, Long> added = newRowsByRoom(chunk);
      List<Object> params = new ArrayList<>(chunk.size() * 7);
      StringBuilder values = new StringBuilder();
      for (Membership m : chunk) {
        values.append(values.length() == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        params.add(m.roomId());
        params.add(m.memberId());
        params.add(m.member().type().name());
        params.add(m.role().name());
        params.add(m.invitedBy());
        params.add(m.addedAt().toEpochMilli());
        params.add(m.updatedAt().toEpochMilli());
      }
      sql.update("INSERT INTO memberships (room_id, member_id, member_type, role, invited_by, added_at, updated_at)"
          + " VALUES " + values + " ON CONFLICT (room_id, member_id) DO UPDATE SET role = excluded.role,"
          + " invited_by = excluded.invited_by, updated_at = excluded.updated_at", params);
      for (Map.Entry<String, Long> e : added.entrySet()) {
        if (e.getValue() > 0) {
          sql.update("UPDATE rooms SET member_count = member_count + ? WHERE room_id = ?", e.getValue(), e.getKey());
        }
      }
    }
  }

  /** Per room, how many of these (distinct) rows do not exist yet: one primary-key probe per room. */
  private Map<String, Long> newRowsByRoom(List<Membership> chunk) {
    Map<String, List<String>> byRoom = new LinkedHashMap<>();
    for (Membership m : chunk) {
      byRoom.computeIfAbsent(m.roomId(), r -> new ArrayList<>()).add(m.memberId());
    }
    Map<String, Long> added = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : byRoom.entrySet()) {
      List<Object> params = new ArrayList<>(List.of(e.getKey()));
      params.addAll(e.getValue());
      long existing = sql.count("SELECT COUNT(*) FROM memberships WHERE room_id = ? AND member_id IN ("
          + Sql.marks(e.getValue().size()) + ")", params);
      added.put(e.getKey(), e.getValue().size() - existing);
    }
    return added;
  }

  /** Duplicates of one (room, member) become one row: the first add's addedAt, the last one's other fields. */
  private static List<Membership> merge(List<Membership> memberships) {
    Map<List<String>, Membership> byKey = new LinkedHashMap<>();
    for (Membership m : memberships) {
      byKey.merge(List.of(m.roomId(), m.memberId()), m, (first, later) ->
          new Membership(later.roomId(), later.member(), later.role(), later.invitedBy(), first.addedAt(),
              later.updatedAt()));
    }
    return new ArrayList<>(byKey.values());
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
    Member member = new Member(rs.getString("member_id"), type, rs.getString(bot ? "b_email" : "u_email"),
        rs.getString(bot ? "b_name" : "u_name"), rs.getString(bot ? "b_account" : "u_account"), blocked);
    return new Membership(rs.getString("room_id"), member, Rows.enumOf(Role.class, rs, "role"),
        rs.getString("invited_by"), Rows.instant(rs, "added_at"), Rows.instant(rs, "updated_at"));
  }
}
