package dev.belfry.server.auth;

/**
 * A credential's request-rate limit (D20): a token bucket refilled at {@code requestsPerSecond} that holds at
 * most {@code burst} tokens. Configured per credential in the credentials file
 * ({@code "rateLimit": {"requestsPerSecond": 20, "burst": 40}}); a credential without one is never throttled.
 * The bucket lives in each server process, so with several servers sharing a database the effective limit
 * is the configured one times the number of servers.
 */
public record RateLimit(double requestsPerSecond, int burst) {
    public RateLimit {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("rateLimit.requestsPerSecond must be a positive number");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("rateLimit.burst must be at least 1");
        }
    }
}
