package dev.belfry.server.http;

/** Observes every API request once it is answered: access log, metrics. Implementations must be fast and thread-safe. */
public interface RequestListener {
    /**
     * @param remote the peer's IP address (the proxy's, behind one)
     * @param forwardedFor the request's X-Forwarded-For header as sent, or null; whether to believe it is the
     *     listener's decision (serve --trust-proxy)
     * @param bytes response body bytes
     */
    record Completed(
            String requestId,
            String method,
            String path,
            String operation,
            String accessKeyId,
            int status,
            String errorType,
            long nanos,
            String remote,
            String forwardedFor,
            long bytes) {}

    void completed(Completed request);

    /** A failure that became a 5xx: logged with its request id, never sent to the client. */
    void unexpected(String requestId, Throwable failure);
}
