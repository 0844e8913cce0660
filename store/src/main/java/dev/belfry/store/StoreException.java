package dev.belfry.store;

/**
 * A storage failure with a one-line message meant for a human (an operator reading the CLI's output):
 * what went wrong and, where we know, what to do. The JDBC cause is kept for logs, never for the user.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
