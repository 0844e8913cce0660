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
    /** The transaction lost a race (serialization failure, deadlock, SQLite's write lock) and may be re-run. */
    CONFLICT,
    /** Anything else: a bug, a broken schema, a constraint the code should have prevented. Not worth a retry. */
    FAILED;

    /** Whether a client asking again later may succeed: the first three, never {@link #FAILED}. */
    public boolean transientFailure() {
        return this != FAILED;
    }
}
