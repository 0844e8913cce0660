package dev.belfry.server.http;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import dev.belfry.rooms.DomainException;
import dev.belfry.server.ops.ErrorCodes;
import dev.belfry.store.StoreException;
import dev.belfry.store.StoreFailure;
import dev.belfry.wire.WireException;
import dev.belfry.wire.sigv4.SigV4Exception;

/**
 * The one place a failure becomes an {@link ApiError}. Domain failures map to the model's error shapes
 * (status from the shape's error trait); authentication failures use the AWS-wide common errors SDKs
 * understand (D19); anything unexpected is a ServiceFailureException that names the request id only.
 */
public final class ErrorTranslator {
    private final ServiceModel model;

    public ErrorTranslator(ServiceModel model) {
        this.model = model;
    }

    public ApiError translate(Throwable failure, OperationModel operation, String requestId) {
        if (failure instanceof DomainException d) {
            return modeled(ErrorCodes.shapeOf(d.failure()), d.getMessage(), operation);
        }
        if (failure instanceof WireException w) {
            return ApiError.badRequest(w.getMessage());
        }
        if (failure instanceof SigV4Exception s) {
            return authentication(s);
        }
        if (failure instanceof ApiFailure a) {
            return a.error();
        }
        if (failure instanceof StoreException store && store.failure() == StoreFailure.FULL) {
            // Retried with backoff like any 503; the message tells the caller it is the server's storage, not them.
            return new ApiError(
                    503,
                    "ServiceUnavailableException",
                    "ServiceUnavailable",
                    "The server's storage is full; nothing was written. Retry the request later (request id "
                            + requestId
                            + ").");
        }
        if (failure instanceof StoreException store && store.failure().transientFailure()) {
            // SDKs retry a 503 with backoff; a database that is briefly away or busy is exactly that case.
            return new ApiError(
                    503,
                    "ServiceUnavailableException",
                    "ServiceUnavailable",
                    "The database is busy or unreachable; retry the request (request id " + requestId + ").");
        }
        return ApiError.serviceFailure(requestId);
    }

    private static final String NOT_FOUND = "NotFoundException";

    private ApiError modeled(String shapeName, String message, OperationModel operation) {
        if (operation != null && !operation.declaresError(shapeName) && !shapeName.equals(NOT_FOUND)) {
            // An error the operation does not declare would surface as a generic exception in SDKs; say it as
            // the closest declared one instead, keeping the message. Not NotFound: a script that branches on
            // the code must learn that the thing is missing, not that its request was malformed (D44).
            shapeName = "BadRequestException";
        }
        Shape.Structure shape = (Shape.Structure) model.shape(shapeName);
        return new ApiError(shape.error().httpStatusCode(), shapeName, ErrorCodes.codeOf(shapeName), message);
    }

    private static ApiError authentication(SigV4Exception e) {
        return switch (e.kind()) {
            case MISSING_AUTHENTICATION ->
                new ApiError(403, "MissingAuthenticationTokenException", "MissingAuthenticationToken", e.getMessage());
            case INCOMPLETE_SIGNATURE ->
                new ApiError(400, "IncompleteSignatureException", "IncompleteSignature", e.getMessage());
            case UNRECOGNIZED_CLIENT ->
                new ApiError(403, "UnrecognizedClientException", "UnrecognizedClient", e.getMessage());
            case INVALID_SIGNATURE, SIGNATURE_EXPIRED ->
                new ApiError(403, "InvalidSignatureException", "InvalidSignature", e.getMessage());
        };
    }
}
