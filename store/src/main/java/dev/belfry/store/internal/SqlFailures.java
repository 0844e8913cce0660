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
 * HikariCP through {@link SQLTransientConnectionException} when no connection came within its timeout. A full disk
 * (SQLITE_FULL, PostgreSQL's 53100) is {@link StoreFailure#FULL}: an operator can free space and the same request
 * then succeeds, and the log says which of the two to look at.
 */
public final class SqlFailures {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

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
        if (dialect != Dialect.POSTGRES && isSqlite(dialect, e)) {
            switch (e.getErrorCode() & 0xFF) {
                case SQLITE_BUSY, SQLITE_LOCKED:
                    return StoreFailure.CONFLICT;
                case SQLITE_FULL: // the disk is full: the operator can free space, then retries succeed
                    return StoreFailure.FULL;
                case SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_CORRUPT, SQLITE_NOTADB:
                    return StoreFailure.UNAVAILABLE; // the file cannot be written or read as it should
                default:
                    break;
            }
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("53100")) { // disk_full
            return StoreFailure.FULL;
        }
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

    /** Whether SQLite said the file is damaged or not a database at all (SQLITE_CORRUPT, SQLITE_NOTADB). */
    public static boolean sqliteFileDamaged(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int primary = sql.getErrorCode() & 0xFF;
                String message = String.valueOf(sql.getMessage());
                if (primary == SQLITE_CORRUPT
                        || primary == SQLITE_NOTADB
                        || message.contains("SQLITE_CORRUPT")
                        || message.contains("SQLITE_NOTADB")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * SQLite's result code is the vendor error code (extended codes keep the primary one in the low byte, e.g.
     * 517 SQLITE_BUSY_SNAPSHOT); an exception known to be SQLite's, or any exception on a SQLite store, is read so.
     */
    private static boolean isSqlite(Dialect dialect, SQLException e) {
        return dialect == Dialect.SQLITE || e instanceof SQLiteException;
    }
}
