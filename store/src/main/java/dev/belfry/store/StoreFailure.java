package dev.belfry.store;

/**
 * What a storage failure means to a caller, so nothing outside the store reads SQLSTATEs or driver messages.
 * The store classifies each JDBC failure once ({@code internal.SqlFailures}) and carries the answer on
 * {@link StoreException#failure()}.
 */
public enum StoreFailure {
    /** The database cannot be reached: connection lost or refused, pool timeout, server shutting down. */
    UNAVAILABLE,
    /** The database is there but cannot take the work now: out of resources, a statement timed out. */
    BUSY,
    /**
     * The disk the database is on is full (SQLITE_FULL, PostgreSQL's disk_full): nothing was written, and the same
     * request succeeds once an operator frees space. Its own kind so that the log and the answer can say so.
     */
    FULL,
    /** The transaction lost a race (serialization failure, deadlock, SQLite's write lock) and may be re-run. */
    CONFLICT,
    /** Anything else: a bug, a broken schema, a constraint the code should have prevented. Not worth a retry. */
    FAILED;

    /** Whether a client asking again later may succeed: all but {@link #FAILED}. */
    public boolean transientFailure() {
        return this != FAILED;
    }
}
