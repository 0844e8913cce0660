package dev.belfry.server.auth;

import dev.belfry.wire.sigv4.SigV4Exception;
import dev.belfry.wire.sigv4.SigV4Verifier;
import dev.belfry.wire.sigv4.SignableRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * Verifies the SigV4 signature of every API request (service "chime", any region, 15 minutes of skew)
 * and returns the credential that signed it.
 */
public final class Authenticator {
    private final Credentials credentials;
    private final SigV4Verifier verifier = new SigV4Verifier("chime", Duration.ofMinutes(15));
    private final Clock clock;

    public Authenticator(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public Credential authenticate(SignableRequest request) {
        String accessKeyId = verifier.verify(
                request,
                key -> {
                    Credential c = credentials.find(key);
                    return c == null ? null : c.secretAccessKey();
                },
                clock.instant());
        Credential credential = credentials.find(accessKeyId);
        if (credential == null) {
            throw new SigV4Exception(
                    SigV4Exception.Kind.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        return credential;
    }
}
