package dev.belfry.wire.sigv4;

import static dev.belfry.wire.sigv4.SigV4Fixtures.NOW;
import static dev.belfry.wire.sigv4.SigV4Fixtures.SECRET;
import static dev.belfry.wire.sigv4.SigV4Fixtures.SECRETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signer output shape, session tokens, declared payload hashes, the Date fallback and the key cache. */
class SigV4SignerTest {

    private final SigV4Verifier verifier = new SigV4Verifier("chime", Duration.ofMinutes(15));

    @Test
    void addsHeadersInOrderAndSignsTheSessionToken() {
        Map<String, String> added = new SigV4Signer("chime", "us-east-1")
                .sign(SigV4Fixtures.unsigned(), SigV4Fixtures.ACCESS_KEY, SECRET, "token/abc==", NOW);
        assertThat(added.keySet()).containsExactly("X-Amz-Date", "X-Amz-Security-Token", "Authorization");
        assertThat(added.get("X-Amz-Date")).isEqualTo("20240517T093015Z");
        assertThat(added.get("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDROUNDTRIP/20240517/"
                        + "us-east-1/chime/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
                        + "Signature=")
                .doesNotContain(SECRET);
    }

    @Test
    void sessionTokenRequestVerifiesAndATamperedTokenDoesNot() {
        SignableRequest signed = SigV4Fixtures.signWith(SigV4Fixtures.unsigned(), "chime", "us-east-1", "tok-1");
        assertThat(verifier.verify(signed, SECRETS, NOW)).isEqualTo(SigV4Fixtures.ACCESS_KEY);
        SignableRequest tampered = SigV4Fixtures.withHeader(
                SigV4Fixtures.without(signed, "X-Amz-Security-Token"), "X-Amz-Security-Token", "tok-2");
        assertThatThrownBy(() -> verifier.verify(tampered, SECRETS, NOW))
                .isInstanceOfSatisfying(
                        SigV4Exception.class,
                        e -> assertThat(e.kind()).isEqualTo(SigV4Exception.Kind.INVALID_SIGNATURE));
    }

    @Test
    void requiresHost() {
        SignableRequest noHost = SigV4Fixtures.without(SigV4Fixtures.unsigned(), "Host");
        assertThatThrownBy(() -> new SigV4Signer("chime", "us-east-1").sign(noHost, "AK", SECRET, null, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void declaredPayloadHashIsSignedButMustBeTheBodysHash() {
        SignableRequest base = SigV4Fixtures.unsigned();
        SignableRequest declared = SigV4Fixtures.withHeader(base, "X-Amz-Content-SHA256", Canonicalizer.bodyHash(base));
        SignableRequest signed = SigV4Fixtures.signWith(declared, "chime", "us-east-1", null);
        assertThat(Headers.first(signed.headers(), "authorization")).contains("x-amz-content-sha256");
        assertThat(verifier.verify(signed, SECRETS, NOW)).isEqualTo(SigV4Fixtures.ACCESS_KEY);

        // Body swapped while the (signed) declared hash still names the old one: the signature alone would pass.
        SignableRequest swapped = SigV4Fixtures.body(signed, "{\"evil\":true}");
        assertThatThrownBy(() -> verifier.verify(swapped, SECRETS, NOW))
                .isInstanceOfSatisfying(
                        SigV4Exception.class,
                        e -> assertThat(e.kind()).isEqualTo(SigV4Exception.Kind.INVALID_SIGNATURE));

        SignableRequest unsignedPayload = SigV4Fixtures.signWith(
                SigV4Fixtures.withHeader(base, "X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"), "chime", "us-east-1", null);
        assertThatThrownBy(() -> verifier.verify(unsignedPayload, SECRETS, NOW)).isInstanceOf(SigV4Exception.class);
    }

    /** No X-Amz-Date: the Date header is the request time, written in basic ISO form in the string to sign. */
    @Test
    void dateHeaderIsUsedWhenXAmzDateIsAbsent() {
        SignableRequest request = new SignableRequest(
                "GET",
                "/accounts/acc-1/rooms",
                null,
                List.of(Map.entry("Host", "localhost"), Map.entry("Date", "Fri, 17 May 2024 09:30:15 GMT")),
                null);
        List<String> signedHeaders = List.of("date", "host");
        String scope = Canonicalizer.scope("20240517", "us-east-1", "chime");
        String stringToSign = Canonicalizer.stringToSign(
                "20240517T093015Z",
                scope,
                Canonicalizer.canonicalRequest(request, signedHeaders, Canonicalizer.bodyHash(request)));
        String signature = Canonicalizer.signature(
                Canonicalizer.signingKey(SECRET, "20240517", "us-east-1", "chime"), stringToSign);
        SignableRequest signed = SigV4Fixtures.withHeader(
                request,
                "Authorization",
                Canonicalizer.authorization(SigV4Fixtures.ACCESS_KEY, scope, signedHeaders, signature));
        assertThat(verifier.verify(signed, SECRETS, NOW.plusSeconds(60))).isEqualTo(SigV4Fixtures.ACCESS_KEY);
    }

    @Test
    void expiredMessageHasAwsWording() {
        SignableRequest request = new SignableRequest(
                "GET",
                "/",
                null,
                List.of(
                        Map.entry("Host", "h"),
                        Map.entry("X-Amz-Date", "20150830T123600Z"),
                        Map.entry(
                                "Authorization",
                                "AWS4-HMAC-SHA256 "
                                        + "Credential=AK/20150830/us-east-1/chime/aws4_request, SignedHeaders=host;x-amz-date, "
                                        + "Signature=00")),
                "".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier.verify(request, SECRETS, Instant.parse("2015-08-30T12:56:00Z")))
                .hasMessage("Signature expired: 20150830T123600Z is now earlier than 20150830T124100Z"
                        + " (20150830T125600Z - 15 min.)");
    }

    @Test
    void signingKeyCacheIsBoundedAndReturnsTheDerivedKey() {
        SigningKeyCache cache = new SigningKeyCache(2);
        byte[] first = cache.signingKey(SECRET, "20240517", "us-east-1", "chime");
        assertThat(first).isEqualTo(Canonicalizer.signingKey(SECRET, "20240517", "us-east-1", "chime"));
        assertThat(cache.signingKey(SECRET, "20240517", "us-east-1", "chime")).isSameAs(first);
        cache.signingKey(SECRET, "20240518", "us-east-1", "chime");
        cache.signingKey(SECRET, "20240519", "us-east-1", "chime");
        assertThat(cache.size()).isEqualTo(2);
    }
}
