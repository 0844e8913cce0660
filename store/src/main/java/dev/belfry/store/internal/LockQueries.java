package dev.belfry.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Row locks that keep the limits which are not per room (D9: rooms and bots per account, rooms per
 * member) true when several servers write at once. SQLite's single writer needs none; the statements
 * still run there (without the lock clause) so both databases take the same path.
 */
final class LockQueries {
  private final Sql sql;
  private final Dialect dialect;

  LockQueries(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  void account(String accountId) {
    sql.list("SELECT account_id FROM accounts WHERE account_id = ?" + dialect.forNoKeyUpdate(), rs -> rs.getString(1),
        accountId);
  }

  /** Users, then bots, each in id order, so that two transactions locking overlapping sets cannot deadlock. */
  void members(Collection<String> memberIds) {
    List<String> sorted = memberIds.stream().sorted().distinct().toList();
    for (List<String> chunk : MemberQueries.chunks(sorted)) {
      List<Object> params = new ArrayList<>(chunk);
      String in = Sql.marks(chunk.size());
      sql.list("SELECT user_id FROM users WHERE user_id IN (" + in + ") ORDER BY user_id" + dialect.forNoKeyUpdate(),
          rs -> rs.getString(1), params);
      sql.list("SELECT bot_id FROM bots WHERE bot_id IN (" + in + ") ORDER BY bot_id" + dialect.forNoKeyUpdate(),
          rs -> rs.getString(1), params);
    }
  }
}
