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
        return credential(verifier.verify(request, this::secret, clock.instant()));
    }

    /**
     * A streamed upload's signature, over the x-amz-content-sha256 it declares (required); the caller checks the
     * body against that hash before acting on it (an account import, D126).
     */
    public Credential authenticateDeclaredPayload(SignableRequest request) {
        return credential(verifier.verifyDeclaredPayload(request, this::secret, clock.instant()));
    }

    private String secret(String key) {
        Credential c = credentials.find(key);
        return c == null ? null : c.secretAccessKey();
    }

    private Credential credential(String accessKeyId) {
        Credential credential = credentials.find(accessKeyId);
        if (credential == null) {
            throw new SigV4Exception(
                    SigV4Exception.Kind.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        return credential;
    }
}
