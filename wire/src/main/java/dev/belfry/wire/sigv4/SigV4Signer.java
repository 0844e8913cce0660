package dev.belfry.wire.sigv4;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Signs requests for the CLI. Signs host, x-amz-date, x-amz-security-token (when a session token is given),
 * content-type (when present) and every other x-amz-* header, like the AWS SDKs do for chime, and no others: hop
 * headers such as user-agent or content-length may be rewritten by proxies and must not break the signature.
 * Thread-safe; one instance per (service, region) is meant to live as long as the client.
 */
public final class SigV4Signer {

    private final String service;
    private final String region;
    private final SigningKeyCache keys = new SigningKeyCache(8);

    public SigV4Signer(String service, String region) {
        this.service = service;
        this.region = region;
    }

    /**
     * Returns the headers to add, in this order: "X-Amz-Date", optionally "X-Amz-Security-Token" (when
     * sessionToken != null), "Authorization". The request's headers must already include Host; any Authorization
     * or X-Amz-Date it carries (and X-Amz-Security-Token when a token is given) is ignored, since the caller replaces
     * them with the returned ones.
     */
    public LinkedHashMap<String, String> sign(
            SignableRequest request, String accessKeyId, String secretKey, String sessionToken, Instant now) {
        if (Headers.first(request.headers(), "host") == null) {
            throw new IllegalArgumentException("SigV4 signing needs a Host header on the request");
        }
        String amzDate = AmzDate.format(now);
        LinkedHashMap<String, String> added = new LinkedHashMap<>();
        added.put("X-Amz-Date", amzDate);
        if (sessionToken != null) {
            added.put("X-Amz-Security-Token", sessionToken);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            if (!replaced(header.getKey(), sessionToken != null)) {
                headers.add(header);
            }
        }
        headers.addAll(added.entrySet());
        SignableRequest toSign =
                new SignableRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());

        List<String> signed = signedHeaders(headers);
        String canonical = Canonicalizer.canonicalRequest(toSign, signed, Canonicalizer.payloadHash(toSign));
        String day = amzDate.substring(0, 8);
        String scope = Canonicalizer.scope(day, region, service);
        String stringToSign = Canonicalizer.stringToSign(amzDate, scope, canonical);
        String signature = Canonicalizer.signature(keys.signingKey(secretKey, day, region, service), stringToSign);
        added.put("Authorization", Canonicalizer.authorization(accessKeyId, scope, signed, signature));
        return added;
    }

    private static boolean replaced(String name, boolean hasToken) {
        return name.equalsIgnoreCase("authorization")
                || name.equalsIgnoreCase("x-amz-date")
                || (hasToken && name.equalsIgnoreCase("x-amz-security-token"));
    }

    private static List<String> signedHeaders(List<Map.Entry<String, String>> headers) {
        TreeSet<String> names = new TreeSet<>();
        for (Map.Entry<String, String> header : headers) {
            String lower = Headers.lower(header.getKey());
            if (lower.equals("host") || lower.equals("content-type") || lower.startsWith("x-amz-")) {
                names.add(lower);
            }
        }
        return List.copyOf(names);
    }
}
