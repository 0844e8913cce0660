package dev.belfry.server.http;

/**
 * An error as it goes on the wire (D18): HTTP status, the exception shape name for x-amzn-ErrorType, and
 * the body's short Code and Message.
 */
public record ApiError(int status, String type, String code, String message) {
    public static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequestException", "BadRequest", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NotFoundException", "NotFound", message);
    }

    public static ApiError serviceFailure(String requestId) {
        return new ApiError(
                500,
                "ServiceFailureException",
                "ServiceFailure",
                "The service failed to process the request; request id " + requestId + ".");
    }
}
