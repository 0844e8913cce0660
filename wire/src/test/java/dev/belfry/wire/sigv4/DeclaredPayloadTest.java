package dev.belfry.wire.sigv4;

import static dev.belfry.wire.sigv4.SigV4Fixtures.ACCESS_KEY;
import static dev.belfry.wire.sigv4.SigV4Fixtures.NOW;
import static dev.belfry.wire.sigv4.SigV4Fixtures.SECRETS;
import static dev.belfry.wire.sigv4.SigV4Fixtures.signWith;
import static dev.belfry.wire.sigv4.SigV4Fixtures.unsigned;
import static dev.belfry.wire.sigv4.SigV4Fixtures.withHeader;
import static dev.belfry.wire.sigv4.SigV4Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link SigV4Verifier#verifyDeclaredPayload}: a streamed upload (an account import, D126) verifies over the
 * x-amz-content-sha256 it signed, before its body exists; without a signed hash, or with another one, it does not.
 */
class DeclaredPayloadTest {
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private final SigV4Verifier verifier = new SigV4Verifier("chime", Duration.ofMinutes(15));

    private static SignableRequest upload(String hash) {
        SignableRequest r = withHeader(without(unsigned(), "x-amz-content-sha256"), "x-amz-content-sha256", hash);
        SignableRequest signed = signWith(r, "chime", "us-east-1", null);
        return new SignableRequest(signed.method(), signed.rawPath(), signed.rawQuery(), signed.headers(), null);
    }

    @Test
    void aSignedDeclaredHashVerifiesWithoutTheBody() {
        assertThat(verifier.verifyDeclaredPayload(upload(HASH), SECRETS, NOW)).isEqualTo(ACCESS_KEY);
        // the ordinary check still wants the body to be the declared one
        assertThatThrownBy(() -> verifier.verify(upload(HASH), SECRETS, NOW)).isInstanceOf(SigV4Exception.class);
    }

    @Test
    void aChangedOrMissingOrMalformedHashDoesNot() {
        SignableRequest changed = withHeader(
                without(upload(HASH), "x-amz-content-sha256"), "x-amz-content-sha256", HASH.replace('9', '8'));
        SignableRequest missing = without(upload(HASH), "x-amz-content-sha256");
        SignableRequest unsignedPayload = upload("UNSIGNED-PAYLOAD");
        for (SignableRequest r : new SignableRequest[] {changed, missing, unsignedPayload}) {
            assertThatThrownBy(() -> verifier.verifyDeclaredPayload(r, SECRETS, NOW))
                    .isInstanceOfSatisfying(
                            SigV4Exception.class,
                            e -> assertThat(e.kind()).isEqualTo(SigV4Exception.Kind.INVALID_SIGNATURE));
        }
    }
}
