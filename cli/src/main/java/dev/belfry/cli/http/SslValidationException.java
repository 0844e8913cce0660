package dev.belfry.cli.http;

import java.io.IOException;

/**
 * The endpoint's certificate, or the CA bundle meant to check it, failed; the message is the part botocore prints
 * after "SSL validation failed for URL". A connection error to botocore, so it is retried like one.
 */
public final class SslValidationException extends IOException {
    private static final long serialVersionUID = 1L;

    SslValidationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
