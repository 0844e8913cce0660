package dev.belfry.store.internal;

import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Member;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who can be in a room: users and bots of an account, found in one query (D22: a bot's member id is
 * its bot id). Also the room counts used for the rooms-per-member limit.
 */
final class MemberQueries {
  static final String USER_BLOCKED = "user is suspended";
  static final String BOT_BLOCKED = "bot is disabled";
  /** Ids per IN list: far below SQLite's and PostgreSQL's parameter limits. */
  static final int CHUNK = 500;

  private final Sql sql;

  MemberQueries(Sql sql) {
    this.sql = sql;
  }

  Map<String, Member> members(String accountId, Collection<String> ids) {
    Map<String, Member> out = new LinkedHashMap<>();
    for (List<String> chunk : chunks(ids)) {
      String in = Sql.marks(chunk.size());
      List<Object> params = new ArrayList<>();
      params.addAll(chunk);
      params.addAll(chunk);
      // By primary key only, the account checked below: with "account_id = ? AND user_id IN (…)" SQLite's
      // planner (no ANALYZE statistics) chose users_by_account and scanned every user of the account, O(account
      // size) per batch inside the write lock (BENCHMARKS.md: the top SQLite frame of a batch under load).
      sql.list("SELECT user_id AS id, 'User' AS kind, primary_email AS email, display_name AS full_name,"
          + " account_id, CASE WHEN registration_status = 'Suspended' THEN 1 ELSE 0 END AS blocked"
          + " FROM users WHERE user_id IN (" + in + ")"
          + " UNION ALL SELECT bot_id, 'Bot', bot_email, display_name, account_id,"
          + " CASE WHEN disabled THEN 1 ELSE 0 END FROM bots WHERE bot_id IN (" + in + ")",
          MemberQueries::member, params).forEach(m -> {
            if (accountId.equals(m.accountId())) {
              out.putIfAbsent(m.memberId(), m);
            }
          });
    }
    return out;
  }

  Map<String, Long> roomCounts(Collection<String> ids) {
    Map<String, Long> out = new LinkedHashMap<>();
    ids.forEach(id -> out.put(id, 0L)); // members in no room count 0
    for (List<String> chunk : chunks(ids)) {
      // One equality probe of memberships_by_member per member. "member_id IN (…) GROUP BY member_id" let
      // PostgreSQL, before autovacuum had analyzed a fast-growing memberships table, pick a sequential scan
      // of every membership (94 ms at 222,000 rows, 205 ms per batch under load: BENCHMARKS.md).
      sql.list("SELECT v.column1, (SELECT COUNT(*) FROM memberships m WHERE m.member_id = v.column1)"
          + " FROM (VALUES " + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?)")) + ") v",
          rs -> Map.entry(rs.getString(1), rs.getLong(2)), chunk)
          .forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static Member member(ResultSet rs) throws SQLException {
    MemberType type = MemberType.valueOf(rs.getString("kind"));
    boolean blocked = rs.getInt("blocked") != 0;
    return new Member(rs.getString("id"), type, rs.getString("email"), rs.getString("full_name"),
        rs.getString("account_id"), blocked ? (type == MemberType.Bot ? BOT_BLOCKED : USER_BLOCKED) : null);
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
