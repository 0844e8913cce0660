package dev.belfry.server.ops;

import dev.belfry.rooms.Failure;

/**
 * The model's names for a domain failure: the error shape a whole request fails with (NotFoundException) and
 * the short ErrorCode a batch item reports (NotFound, D10). Kept here, beside the adapters that report items,
 * so the HTTP layer depends on the operations and never the other way round.
 */
public final class ErrorCodes {
    private ErrorCodes() {}

    /** The per-item ErrorCode of a batch for a domain failure, e.g. NotFound (D10). */
    public static String itemCode(Failure failure) {
        return codeOf(shapeOf(failure));
    }

    /** The model's error shape for a domain failure. */
    public static String shapeOf(Failure failure) {
        return switch (failure) {
            case BAD_REQUEST -> "BadRequestException";
            case NOT_FOUND -> "NotFoundException";
            case FORBIDDEN -> "ForbiddenException";
            case CONFLICT -> "ConflictException";
            case LIMIT_EXCEEDED -> "ResourceLimitExceededException";
            case UNPROCESSABLE -> "UnprocessableEntityException";
        };
    }

    /** Short codes as the model's ErrorCode enum spells them. */
    public static String codeOf(String shapeName) {
        return switch (shapeName) {
            case "ThrottledClientException" -> "Throttled";
            case "UnauthorizedClientException" -> "Unauthorized";
            case "UnprocessableEntityException" -> "Unprocessable";
            default -> shapeName.substring(0, shapeName.length() - "Exception".length());
        };
    }
}
