package dev.belfry.cli.json;

/** A JSON syntax error worded exactly as Python's {@code json.JSONDecodeError}. */
public final class PyJsonException extends RuntimeException {
    public PyJsonException(String message) {
        super(message);
    }
}
