package dev.belfry.server.http;

/** A failure the transport itself decides (no route, body too large): already an ApiError. */
public final class ApiFailure extends RuntimeException {
    private final ApiError error;

    public ApiFailure(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
