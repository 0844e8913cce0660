package dev.belfry.wire.sigv4;

import static dev.belfry.wire.sigv4.SigV4Exception.Kind.INCOMPLETE_SIGNATURE;
import static dev.belfry.wire.sigv4.SigV4Exception.Kind.INVALID_SIGNATURE;
import static dev.belfry.wire.sigv4.SigV4Exception.Kind.MISSING_AUTHENTICATION;
import static dev.belfry.wire.sigv4.SigV4Exception.Kind.SIGNATURE_EXPIRED;
import static dev.belfry.wire.sigv4.SigV4Exception.Kind.UNRECOGNIZED_CLIENT;
import static dev.belfry.wire.sigv4.SigV4Fixtures.NOW;
import static dev.belfry.wire.sigv4.SigV4Fixtures.SECRET;
import static dev.belfry.wire.sigv4.SigV4Fixtures.SECRETS;
import static dev.belfry.wire.sigv4.SigV4Fixtures.body;
import static dev.belfry.wire.sigv4.SigV4Fixtures.replaceAuthorization;
import static dev.belfry.wire.sigv4.SigV4Fixtures.signed;
import static dev.belfry.wire.sigv4.SigV4Fixtures.withHeader;
import static dev.belfry.wire.sigv4.SigV4Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign with SigV4Signer, alter one thing, verify with SigV4Verifier("chime", 15 min): each row names the outcome. */
class SigV4RoundTripTest {

    /** expected == null means the request must verify. */
    record Case(
            String name,
            UnaryOperator<SignableRequest> change,
            SecretLookup secrets,
            Instant verifyAt,
            SigV4Exception.Kind expected,
            String messageContains) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final SecretLookup WRONG_SECRET = id -> SECRET + "x";

    static Stream<Case> cases() {
        UnaryOperator<SignableRequest> same = r -> r;
        return Stream.of(
                new Case("signed request verifies", same, SECRETS, NOW, null, null),
                new Case("15 min late still verifies", same, SECRETS, NOW.plus(Duration.ofMinutes(15)), null, null),
                new Case("15 min early still verifies", same, SECRETS, NOW.minus(Duration.ofMinutes(15)), null, null),
                new Case(
                        "unsigned header changed",
                        r -> withHeader(without(r, "User-Agent"), "User-Agent", "curl"),
                        SECRETS,
                        NOW,
                        null,
                        null),
                new Case("any region accepted", r -> signed("chime", "eu-west-9"), SECRETS, NOW, null, null),
                new Case("wrong secret", same, WRONG_SECRET, NOW, INVALID_SIGNATURE, "does not match"),
                new Case("unknown access key", same, id -> null, NOW, UNRECOGNIZED_CLIENT, "token included"),
                new Case(
                        "changed body",
                        r -> body(r, "{\"MembershipItemList\":[]}"),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        "does not match"),
                new Case(
                        "changed path",
                        r -> new SignableRequest(
                                r.method(),
                                r.rawPath().replace("room%201", "room%202"),
                                r.rawQuery(),
                                r.headers(),
                                r.body()),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        null),
                new Case(
                        "changed query",
                        r -> new SignableRequest(
                                r.method(), r.rawPath(), "operation=batch-delete", r.headers(), r.body()),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        null),
                new Case(
                        "changed method",
                        r -> new SignableRequest("PUT", r.rawPath(), r.rawQuery(), r.headers(), r.body()),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        null),
                new Case(
                        "changed signed header",
                        r -> withHeader(without(r, "Content-Type"), "Content-Type", "text/plain"),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        null),
                new Case(
                        "repeated signed header",
                        r -> withHeader(r, "Content-Type", "text/plain"),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        null),
                new Case(
                        "missing signed header",
                        r -> without(r, "Content-Type"),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        "does not match"),
                new Case(
                        "stale by 16 min",
                        same,
                        SECRETS,
                        NOW.plus(Duration.ofMinutes(16)),
                        SIGNATURE_EXPIRED,
                        "Signature expired: 20240517T093015Z is now earlier than 20240517T093115Z"),
                new Case(
                        "future by 16 min",
                        same,
                        SECRETS,
                        NOW.minus(Duration.ofMinutes(16)),
                        SIGNATURE_EXPIRED,
                        "Signature not yet current: 20240517T093015Z is still later than 20240517T092915Z"),
                new Case(
                        "missing Authorization",
                        r -> without(r, "Authorization"),
                        SECRETS,
                        NOW,
                        MISSING_AUTHENTICATION,
                        "Missing Authentication Token"),
                new Case(
                        "garbage Authorization",
                        r -> replaceAuthorization(r, a -> "Bearer abc.def"),
                        SECRETS,
                        NOW,
                        INCOMPLETE_SIGNATURE,
                        null),
                new Case(
                        "algorithm only",
                        r -> replaceAuthorization(r, a -> "AWS4-HMAC-SHA256"),
                        SECRETS,
                        NOW,
                        INCOMPLETE_SIGNATURE,
                        null),
                new Case(
                        "no Signature",
                        r -> replaceAuthorization(r, a -> a.substring(0, a.indexOf(", Signature"))),
                        SECRETS,
                        NOW,
                        INCOMPLETE_SIGNATURE,
                        "'Signature'"),
                new Case(
                        "scope of 4 parts",
                        r -> replaceAuthorization(r, a -> a.replace("/aws4_request", "")),
                        SECRETS,
                        NOW,
                        INCOMPLETE_SIGNATURE,
                        "5 slash-delimited"),
                new Case(
                        "host not signed",
                        r -> replaceAuthorization(r, a -> a.replace(";host;", ";")),
                        SECRETS,
                        NOW,
                        INCOMPLETE_SIGNATURE,
                        "'Host'"),
                new Case(
                        "two Authorization headers",
                        r -> withHeader(r, "authorization", Headers.first(r.headers(), "authorization")),
                        SECRETS,
                        NOW,
                        INCOMPLETE_SIGNATURE,
                        null),
                new Case(
                        "no date header",
                        r -> without(r, "X-Amz-Date"),
                        SECRETS,
                        NOW,
                        INCOMPLETE_SIGNATURE,
                        "'X-Amz-Date' or a 'Date'"),
                new Case(
                        "unparseable X-Amz-Date",
                        r -> withHeader(without(r, "X-Amz-Date"), "X-Amz-Date", "2024-05-17T09:30:15Z"),
                        SECRETS,
                        NOW,
                        INCOMPLETE_SIGNATURE,
                        null),
                new Case(
                        "scope day is not request day",
                        r -> replaceAuthorization(r, a -> a.replace("/20240517/", "/20240516/")),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        "Date in Credential scope"),
                new Case(
                        "scoped to another service",
                        r -> signed("iam", "us-east-1"),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        "correct service: 'chime'"),
                new Case(
                        "signature of another request",
                        r -> replaceAuthorization(r, a -> a.substring(0, a.length() - 64) + "0".repeat(64)),
                        SECRETS,
                        NOW,
                        INVALID_SIGNATURE,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifyOutcome(Case c) {
        SignableRequest request = c.change().apply(signed("chime", "us-east-1"));
        SigV4Verifier verifier = new SigV4Verifier("chime", Duration.ofMinutes(15));
        if (c.expected() == null) {
            assertThat(verifier.verify(request, c.secrets(), c.verifyAt())).isEqualTo(SigV4Fixtures.ACCESS_KEY);
            return;
        }
        SigV4Exception e =
                catchThrowableOfType(SigV4Exception.class, () -> verifier.verify(request, c.secrets(), c.verifyAt()));
        assertThat(e).as("expected %s", c.expected()).isNotNull();
        assertThat(e.kind()).isEqualTo(c.expected());
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(SECRET + "x");
        if (c.messageContains() != null) {
            assertThat(e.getMessage()).contains(c.messageContains());
        }
    }
}
