package dev.belfry.wire.sigv4;

import static dev.belfry.wire.sigv4.SigV4Exception.Kind.INCOMPLETE_SIGNATURE;
import static dev.belfry.wire.sigv4.SigV4Exception.Kind.INVALID_SIGNATURE;
import static dev.belfry.wire.sigv4.SigV4Exception.Kind.MISSING_AUTHENTICATION;
import static dev.belfry.wire.sigv4.SigV4Exception.Kind.SIGNATURE_EXPIRED;
import static dev.belfry.wire.sigv4.SigV4Exception.Kind.UNRECOGNIZED_CLIENT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Verifies header-form SigV4 on a request exactly as received (decision D19). Checks, in order, each failing with:
 * <ol>
 *   <li>no Authorization header: MISSING_AUTHENTICATION;</li>
 *   <li>Authorization repeated or malformed (other algorithm, missing Credential/SignedHeaders/Signature, scope not
 *       keyid/yyyyMMdd/region/service/aws4_request, host not signed), or no X-Amz-Date/Date header, or an
 *       unparseable one: INCOMPLETE_SIGNATURE;</li>
 *   <li>scope day not the request's day, or scope service not the required one: INVALID_SIGNATURE with AWS's
 *       "Date in Credential scope..." / "Credential should be scoped to correct service" message (the scope is
 *       well-formed but wrong, which AWS reports as a signature problem). The scope's region is not checked;</li>
 *   <li>request time more than maxSkew from now: SIGNATURE_EXPIRED (checked before the key, so clients can correct
 *       their clock whatever their key);</li>
 *   <li>unknown access key id: UNRECOGNIZED_CLIENT;</li>
 *   <li>a signed header missing from the request, x-amz-content-sha256 not the body's real hash, or a signature
 *       that does not match: INVALID_SIGNATURE. A missing signed header is INVALID rather than INCOMPLETE because the
 *       Authorization itself is well-formed: the request no longer matches what was signed.</li>
 * </ol>
 * An x-amz-security-token is signed like any header when the client lists it, but is not itself checked: Belfry
 * issues long-term keys only. Thread-safe.
 */
public final class SigV4Verifier {

    private final String requiredService;
    private final Duration maxSkew;
    private final SigningKeyCache keys = new SigningKeyCache(256);

    /** The server uses ("chime", 15 minutes). */
    public SigV4Verifier(String requiredService, Duration maxSkew) {
        this.requiredService = requiredService;
        this.maxSkew = maxSkew;
    }

    /** Returns the verified access key id; throws SigV4Exception otherwise. */
    public String verify(SignableRequest request, SecretLookup secrets, Instant now) {
        return verify(request, secrets, now, false);
    }

    /**
     * Verifies a request whose body is still to come (a streamed upload, as S3 takes one): the signature is checked
     * over the x-amz-content-sha256 it declares, which must be a SHA-256 hex digest, and {@code request}'s body is
     * ignored. The caller must compare that digest with the body's own once it has read it, and act on the body only
     * if they are equal. Returns the verified access key id.
     */
    public String verifyDeclaredPayload(SignableRequest request, SecretLookup secrets, Instant now) {
        return verify(request, secrets, now, true);
    }

    private String verify(SignableRequest request, SecretLookup secrets, Instant now, boolean bodyLater) {
        List<String> authorizations = Headers.values(request.headers(), "authorization");
        if (authorizations.isEmpty()) {
            throw new SigV4Exception(MISSING_AUTHENTICATION, SigV4Exception.MISSING_TOKEN);
        }
        if (authorizations.size() > 1) {
            throw new SigV4Exception(INCOMPLETE_SIGNATURE, "Only one Authorization header is allowed.");
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorizations.get(0));
        if (!auth.signedHeaders().contains("host")) {
            throw new SigV4Exception(INCOMPLETE_SIGNATURE, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Instant requestTime = requestTime(request);
        String amzDate = AmzDate.format(requestTime);
        checkScope(auth, amzDate);
        checkSkew(requestTime, now);

        String secret = secrets.secretFor(auth.accessKeyId());
        if (secret == null) {
            throw new SigV4Exception(UNRECOGNIZED_CLIENT, SigV4Exception.UNKNOWN_KEY);
        }
        for (String name : auth.signedHeaders()) {
            if (Headers.first(request.headers(), name) == null) {
                throw mismatch();
            }
        }
        String payloadHash = Canonicalizer.payloadHash(request);
        if (bodyLater) {
            String declared = Headers.first(request.headers(), "x-amz-content-sha256");
            if (declared == null || !declared.trim().matches("[0-9a-fA-F]{64}")) {
                throw mismatch(); // the upload's hash must be signed, so a changed body cannot verify
            }
        } else if (!payloadHash.equalsIgnoreCase(Canonicalizer.bodyHash(request))) {
            throw mismatch(); // a declared hash that is not the body's would let a changed body verify
        }
        String canonical = Canonicalizer.canonicalRequest(request, auth.signedHeaders(), payloadHash);
        String stringToSign = Canonicalizer.stringToSign(amzDate, auth.scope(), canonical);
        byte[] key = keys.signingKey(secret, auth.day(), auth.region(), auth.service());
        String expected = Canonicalizer.signature(key, stringToSign);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw mismatch();
        }
        return auth.accessKeyId();
    }

    /** X-Amz-Date, else Date; AWS signs the time at whole seconds, so that is the precision kept. */
    private static Instant requestTime(SignableRequest request) {
        String amzDate = Headers.first(request.headers(), "x-amz-date");
        if (amzDate != null) {
            Instant parsed = AmzDate.parse(amzDate);
            if (parsed == null) {
                throw new SigV4Exception(
                        INCOMPLETE_SIGNATURE, "X-Amz-Date must be in the ISO8601 basic format yyyyMMdd'T'HHmmss'Z'.");
            }
            return parsed;
        }
        String date = Headers.first(request.headers(), "date");
        if (date == null) {
            throw new SigV4Exception(
                    INCOMPLETE_SIGNATURE,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        Instant parsed = AmzDate.parseHttpDate(date);
        if (parsed == null) {
            throw new SigV4Exception(INCOMPLETE_SIGNATURE, "Date header must be an RFC 1123 date.");
        }
        return parsed;
    }

    private void checkScope(AuthorizationHeader auth, String amzDate) {
        if (!amzDate.startsWith(auth.day())) {
            throw new SigV4Exception(
                    INVALID_SIGNATURE,
                    "Date in Credential scope does not match YYYYMMDD from"
                            + " ISO-8601 version of date from HTTP: '" + auth.day() + "' != '" + amzDate.substring(0, 8)
                            + "', from '" + amzDate + "'.");
        }
        if (!auth.service().equals(requiredService)) {
            throw new SigV4Exception(
                    INVALID_SIGNATURE, "Credential should be scoped to correct service: '" + requiredService + "'.");
        }
    }

    /** AWS's wording, so SDK clock-skew correction and humans both recognize it. */
    private void checkSkew(Instant requestTime, Instant now) {
        String skew = skewText();
        Instant earliest = now.minus(maxSkew);
        Instant latest = now.plus(maxSkew);
        if (requestTime.isBefore(earliest)) {
            throw new SigV4Exception(
                    SIGNATURE_EXPIRED,
                    "Signature expired: " + AmzDate.format(requestTime)
                            + " is now earlier than " + AmzDate.format(earliest) + " (" + AmzDate.format(now) + " - "
                            + skew + ")");
        }
        if (requestTime.isAfter(latest)) {
            throw new SigV4Exception(
                    SIGNATURE_EXPIRED,
                    "Signature not yet current: " + AmzDate.format(requestTime)
                            + " is still later than " + AmzDate.format(latest) + " (" + AmzDate.format(now) + " + "
                            + skew + ")");
        }
    }

    private String skewText() {
        long seconds = maxSkew.getSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
    }

    private static SigV4Exception mismatch() {
        return new SigV4Exception(INVALID_SIGNATURE, SigV4Exception.SIGNATURE_MISMATCH);
    }
}
