package dev.belfry.server.console;

/** A console answer that is not a domain failure: no session, a missing CSRF token, a throttled sign-in, a bad path. */
final class ConsoleFailure extends RuntimeException {
    final int status;
    final String code;
    final long retryAfterSeconds;

    ConsoleFailure(int status, String code, String message) {
        this(status, code, message, 0);
    }

    ConsoleFailure(int status, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
