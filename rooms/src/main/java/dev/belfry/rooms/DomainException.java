package dev.belfry.rooms;

/** The one unchecked root of every rule the domain refuses; {@link #failure()} says which kind. */
public class DomainException extends RuntimeException {
    private final Failure failure;

    public DomainException(Failure failure, String message) {
        super(message, null, false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    public static DomainException badRequest(String message) {
        return new DomainException(Failure.BAD_REQUEST, message);
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(Failure.NOT_FOUND, "The requested " + what + " " + id + " was not found.");
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Failure.FORBIDDEN, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Failure.CONFLICT, message);
    }

    public static DomainException limitExceeded(String message) {
        return new DomainException(Failure.LIMIT_EXCEEDED, message);
    }

    public static DomainException unprocessable(String message) {
        return new DomainException(Failure.UNPROCESSABLE, message);
    }
}
