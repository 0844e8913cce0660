package dev.belfry.wire;

/** The request cannot be read or does not satisfy the model: always a 400 BadRequest with this message. */
public final class WireException extends RuntimeException {
    public WireException(String message) {
        super(message, null, false, false);
    }
}
