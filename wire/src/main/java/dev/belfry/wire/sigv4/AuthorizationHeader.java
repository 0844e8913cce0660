package dev.belfry.wire.sigv4;

import static dev.belfry.wire.sigv4.SigV4Exception.Kind.INCOMPLETE_SIGNATURE;

import java.util.ArrayList;
import java.util.List;

/** A parsed {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header value. */
record AuthorizationHeader(
        String accessKeyId, String day, String region, String service, List<String> signedHeaders, String signature) {

    String scope() {
        return Canonicalizer.scope(day, region, service);
    }

    /** Parses leniently about spaces after commas; anything structurally wrong is INCOMPLETE_SIGNATURE. */
    static AuthorizationHeader parse(String value) {
        String v = value.trim();
        String algorithm = Canonicalizer.ALGORITHM;
        if (!v.startsWith(algorithm)
                || v.length() == algorithm.length()
                || !Character.isWhitespace(v.charAt(algorithm.length()))) {
            throw incomplete("Authorization header must use the " + algorithm + " algorithm.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : v.substring(algorithm.length()).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).trim();
            String val = eq < 0 ? "" : p.substring(eq + 1).trim();
            switch (name) {
                case "Credential" -> credential = unique(credential, val, name);
                case "SignedHeaders" -> signedHeaders = unique(signedHeaders, val, name);
                case "Signature" -> signature = unique(signature, val, name);
                default -> {} // AWS ignores unknown components too.
            }
        }
        require(credential, "Credential");
        require(signedHeaders, "SignedHeaders");
        require(signature, "Signature");
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty() || scope[2].isEmpty() || scope[3].isEmpty()) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + credential + "'.");
        }
        if (!scope[4].equals(Canonicalizer.TERMINATOR) || !scope[1].matches("[0-9]{8}")) {
            throw incomplete(
                    "Credential scope must be keyid/yyyyMMdd/region/service/aws4_request, got '" + credential + "'.");
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], headerList(signedHeaders), signature);
    }

    /** Lower-cased and sorted, so the canonical request does not depend on how the client listed them. */
    private static List<String> headerList(String signedHeaders) {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";", -1)) {
            if (name.isBlank()) {
                throw incomplete("SignedHeaders contains an empty header name.");
            }
            String lower = Headers.lower(name.trim());
            if (!names.contains(lower)) {
                names.add(lower);
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }

    private static String unique(String previous, String value, String name) {
        if (previous != null) {
            throw incomplete("Authorization header has more than one '" + name + "' parameter.");
        }
        return value;
    }

    private static void require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw incomplete("Authorization header requires '" + name + "' parameter.");
        }
    }

    private static SigV4Exception incomplete(String message) {
        return new SigV4Exception(INCOMPLETE_SIGNATURE, message);
    }
}
