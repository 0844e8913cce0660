package dev.belfry.store;

import dev.belfry.store.internal.SqlFailures;

/**
 * A storage failure with a one-line message meant for a human (an operator reading the CLI's output):
 * what went wrong and, where we know, what to do. The JDBC cause is kept for logs, never for the user;
 * {@link #failure()} says what it means (unavailable, busy, conflict) without SQLSTATEs or message text.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final StoreFailure failure;

    public StoreException(String message) {
        super(message);
        this.failure = StoreFailure.FAILED;
    }

    public StoreException(String message, Throwable cause) {
        this(message, cause, SqlFailures.classify(null, cause));
    }

    public StoreException(String message, Throwable cause, StoreFailure failure) {
        super(message, cause);
        this.failure = failure;
    }

    public StoreFailure failure() {
        return failure;
    }
}
