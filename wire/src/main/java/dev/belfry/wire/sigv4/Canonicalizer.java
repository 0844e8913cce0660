package dev.belfry.wire.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The SigV4 steps both sides share: canonical request, string to sign, signing key and signature. Signer and
 * verifier both call these, so they cannot drift apart; public so tests and debug tools can print each step.
 * Stateless and thread-safe.
 */
public final class Canonicalizer {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String TERMINATOR = "aws4_request";

    private Canonicalizer() {}

    /**
     * The canonical request over {@code signedHeaders} (lower-case, sorted, distinct), with {@code payloadHash} as
     * its last line. The method is used as received.
     */
    public static String canonicalRequest(SignableRequest request, List<String> signedHeaders, String payloadHash) {
        return request.method()
                + '\n'
                + canonicalUri(request.rawPath())
                + '\n'
                + canonicalQuery(request.rawQuery())
                + '\n'
                + canonicalHeaders(request.headers(), signedHeaders)
                + '\n'
                + String.join(";", signedHeaders)
                + '\n'
                + payloadHash;
    }

    /** See {@link UriCanonicalizer#path}: normalized, then encoded again ({@code room%201} → {@code room%25201}). */
    public static String canonicalUri(String rawPath) {
        return UriCanonicalizer.path(rawPath);
    }

    public static String canonicalQuery(String rawQuery) {
        return UriCanonicalizer.query(rawQuery);
    }

    /**
     * One {@code name:value\n} line per signed header; repeated headers joined with ',' in received order, each
     * value trimmed with inner whitespace runs collapsed to one space. A signed header absent from the request
     * yields an empty value (the verifier rejects that case before it gets here).
     */
    public static String canonicalHeaders(List<Map.Entry<String, String>> headers, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder(256);
        for (String name : signedHeaders) {
            out.append(name).append(':');
            List<String> values = Headers.values(headers, name);
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ",").append(trimAll(values.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The value to sign as the payload: x-amz-content-sha256 when the request carries it, else SHA-256(body). */
    public static String payloadHash(SignableRequest request) {
        String declared = Headers.first(request.headers(), "x-amz-content-sha256");
        return declared != null ? declared.trim() : bodyHash(request);
    }

    /** SHA-256 hex of the body; an absent body hashes as empty. */
    public static String bodyHash(SignableRequest request) {
        return Hashing.sha256Hex(request.body() == null ? new byte[0] : request.body());
    }

    public static String scope(String day, String region, String service) {
        return day + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM
                + '\n'
                + amzDate
                + '\n'
                + scope
                + '\n'
                + Hashing.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** The derived key: four chained HMACs. Callers on a hot path go through the signing-key cache instead. */
    public static byte[] signingKey(String secretKey, String day, String region, String service) {
        byte[] key = Hashing.hmacSha256(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        key = Hashing.hmacSha256(key, region);
        key = Hashing.hmacSha256(key, service);
        return Hashing.hmacSha256(key, TERMINATOR);
    }

    public static String signature(byte[] signingKey, String stringToSign) {
        return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
    }

    /** The Authorization header value, in the exact layout AWS SDKs write. */
    public static String authorization(String accessKeyId, String scope, List<String> signedHeaders, String signature) {
        return ALGORITHM + " Credential=" + accessKeyId + '/' + scope + ", SignedHeaders="
                + String.join(";", signedHeaders) + ", Signature=" + signature;
    }

    /** Trimall: strip both ends and collapse each inner run of whitespace to a single space. */
    static String trimAll(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
