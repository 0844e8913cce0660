package dev.belfry.store.internal;

/**
 * The account row lock that keeps the per-account limits (D9: rooms and bots per account) true when
 * several servers write at once (members are locked as they are read: {@link MemberQueries#members}). SQLite's single writer needs none; the statements
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
        sql.list(
                "SELECT account_id FROM accounts WHERE account_id = ?" + dialect.forNoKeyUpdate(),
                rs -> rs.getString(1),
                accountId);
    }
}
