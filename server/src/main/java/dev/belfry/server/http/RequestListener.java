package dev.belfry.server.http;

/** Observes every API request once it is answered: access log, metrics. Implementations must be fast and thread-safe. */
public interface RequestListener {
    record Completed(
            String requestId,
            String method,
            String path,
            String operation,
            String accessKeyId,
            int status,
            String errorType,
            long nanos) {}

    void completed(Completed request);

    /** A failure that became a 5xx: logged with its request id, never sent to the client. */
    void unexpected(String requestId, Throwable failure);
}
