package dev.belfry.store.internal;

import dev.belfry.store.StoreException;
import dev.belfry.store.StoreFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The few places where SQLite and PostgreSQL differ: how a transaction starts, how a row is locked,
 * and (through SqlFailures) which errors mean "try again". Everything else is shared, portable SQL.
 */
public enum Dialect {
    SQLITE {
        @Override
        void begin(Connection c, boolean write) throws SQLException {
            // BEGIN IMMEDIATE takes the database's write lock up front, so concurrent writers queue on the
            // busy timeout instead of failing at commit; a deferred BEGIN gives readers one WAL snapshot.
            exec(c, write ? "BEGIN IMMEDIATE" : "BEGIN");
        }

        @Override
        void commit(Connection c) throws SQLException {
            exec(c, "COMMIT");
        }

        @Override
        void rollback(Connection c) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException e) {
                // "no transaction is active": the failure already ended it
            }
        }

        @Override
        String forUpdate() {
            return ""; // the IMMEDIATE transaction already holds the only write lock
        }

        @Override
        String forNoKeyUpdate() {
            return "";
        }

        @Override
        String forUpdateSkipLocked() {
            return "";
        }
    },

    POSTGRES {
        @Override
        void begin(Connection c, boolean write) throws SQLException {
            c.setReadOnly(!write);
            c.setAutoCommit(false);
        }

        @Override
        void commit(Connection c) throws SQLException {
            c.commit();
            c.setAutoCommit(true);
        }

        @Override
        void rollback(Connection c) throws SQLException {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }

        @Override
        String forUpdate() {
            return " FOR UPDATE";
        }

        @Override
        String forNoKeyUpdate() {
            return " FOR NO KEY UPDATE"; // does not conflict with the KEY SHARE locks of foreign-key checks
        }

        @Override
        String forUpdateSkipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }
    };

    abstract void begin(Connection c, boolean write) throws SQLException;

    abstract void commit(Connection c) throws SQLException;

    abstract void rollback(Connection c) throws SQLException;

    /**
     * Rolls back after {@code failure} without hiding it: when the connection itself was lost, the rollback fails
     * too ("This connection has been closed"), and that second error used to replace the first, turning a
     * connection loss (503, retry) into a 500. The rollback's failure is kept as a suppressed exception.
     */
    void rollbackAfter(Connection c, Throwable failure) {
        try {
            rollback(c);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    abstract String forUpdate();

    /** A row lock that writers of child rows (foreign keys pointing at the row) do not wait for. */
    abstract String forNoKeyUpdate();

    /** A row lock that passes over rows another transaction has locked instead of waiting (work queues). */
    abstract String forUpdateSkipLocked();

    /** True when {@code t} or one of its causes says the transaction lost a race and may be re-run. */
    boolean retryable(Throwable t) {
        return SqlFailures.classify(this, t) == StoreFailure.CONFLICT;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new StoreException("unsupported database URL (use jdbc:postgresql://… or a SQLite data directory): "
                + Redact.url(jdbcUrl));
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
