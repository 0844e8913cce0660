package dev.belfry.wire.sigv4;

/**
 * Why a request failed verification. The server maps each {@link Kind} to the AWS-wide error SDKs understand
 * (decision D19). Messages are safe to send to the client: they never contain a secret or a derived key.
 */
public final class SigV4Exception extends RuntimeException {

    public enum Kind {
        /** no Authorization header: MissingAuthenticationTokenException */
        MISSING_AUTHENTICATION,
        /** Authorization present but malformed, or no usable date: IncompleteSignatureException */
        INCOMPLETE_SIGNATURE,
        /** unknown access key id: UnrecognizedClientException */
        UNRECOGNIZED_CLIENT,
        /** signature, scope or body does not match: InvalidSignatureException */
        INVALID_SIGNATURE,
        /** request time too far from the server's clock: InvalidSignatureException, "Signature expired" */
        SIGNATURE_EXPIRED
    }

    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";
    static final String UNKNOWN_KEY = "The security token included in the request is invalid.";
    static final String MISSING_TOKEN = "Missing Authentication Token";

    private final Kind kind;

    public SigV4Exception(Kind kind, String message) {
        // No stack trace: these are expected outcomes on a hot path, and a trace would not help anyone.
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String getMessage() {
        return super.getMessage();
    }
}
