package dev.belfry.store.internal;

import dev.belfry.store.StoreFailure;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import org.sqlite.SQLiteException;

/**
 * The one classifier of JDBC failures. PostgreSQL speaks through SQLSTATE classes (08 connection, 40 transaction
 * rollback, 53 insufficient resources, 57 operator intervention); SQLite through its result codes (5 BUSY, 6 LOCKED);
 * HikariCP through {@link SQLTransientConnectionException} when no connection came within its timeout.
 */
public final class SqlFailures {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SqlFailures() {}

    /** The most specific meaning found along {@code failure}'s cause chain; {@code dialect} may be null (unknown). */
    public static StoreFailure classify(Dialect dialect, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                StoreFailure kind = classifyOne(dialect, sql);
                if (kind != StoreFailure.FAILED) {
                    return kind;
                }
            }
        }
        return StoreFailure.FAILED;
    }

    private static StoreFailure classifyOne(Dialect dialect, SQLException e) {
        if (dialect != Dialect.POSTGRES && sqliteLockContention(dialect, e)) {
            return StoreFailure.CONFLICT;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("40001") || state.equals("40P01")) { // serialization_failure, deadlock_detected
            return StoreFailure.CONFLICT;
        }
        if (e instanceof SQLRecoverableException
                || e instanceof SQLTransientConnectionException
                || state.startsWith("08")
                || state.startsWith("57")) {
            return StoreFailure.UNAVAILABLE;
        }
        if (e instanceof SQLTransientException || state.startsWith("40") || state.startsWith("53")) {
            return StoreFailure.BUSY;
        }
        return StoreFailure.FAILED;
    }

    /**
     * SQLite's result code is the vendor error code (extended codes keep the primary one in the low byte, e.g.
     * 517 SQLITE_BUSY_SNAPSHOT); an exception known to be SQLite's, or any exception on a SQLite store, is read so.
     */
    private static boolean sqliteLockContention(Dialect dialect, SQLException e) {
        if (dialect == Dialect.SQLITE || e instanceof SQLiteException) {
            int primary = e.getErrorCode() & 0xFF;
            return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
        }
        return false;
    }
}
