package dev.belfry.rooms;

/**
 * The kinds of failure the domain reports, for a whole request or for one batch item. The server maps
 * each to an error shape of the model in exactly one place.
 */
public enum Failure {
    BAD_REQUEST,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    LIMIT_EXCEEDED,
    UNPROCESSABLE
}
