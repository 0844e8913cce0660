package dev.belfry.wire.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** Canonical URI and canonical query string, the non-S3 way. */
final class UriCanonicalizer {

    private UriCanonicalizer() {}

    /**
     * Normalizes the raw path, then encodes it once more (so an on-the-wire {@code %20} becomes {@code %2520}). That
     * is exactly botocore's {@code quote(normalize_url_path(path), safe='/~')}, which the Java SDK v2 matches for
     * non-S3 services; decoding first would break requests whose path segments contain an encoded '/'.
     */
    static String path(String rawPath) {
        String normalized = rawPath == null || rawPath.isEmpty() ? "/" : removeDotSegments(rawPath);
        return encode(normalized.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * RFC 3986 dot-segment removal plus collapsing of empty segments, as botocore's {@code remove_dot_segments}
     * does (AWS services treat "//" as "/"). A trailing slash survives only if something is left before it.
     */
    static String removeDotSegments(String path) {
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(segment);
            }
        }
        String first = path.startsWith("/") ? "/" : "";
        String last = path.endsWith("/") && !kept.isEmpty() ? "/" : "";
        return first + String.join("/", kept) + last;
    }

    /** Decodes each name and value, re-encodes them per RFC 3986, sorts by name then value; "a" becomes "a=". */
    static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {reencode(name), reencode(value)});
        }
        // Encoded strings are ASCII, so String order is the byte order the spec asks for.
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder(rawQuery.length() + 8);
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    private static String reencode(String raw) {
        return encode(percentDecode(raw.getBytes(StandardCharsets.UTF_8)), false);
    }

    /**
     * Decodes %XX over bytes (so invalid UTF-8 round-trips unchanged). A '%' not followed by two hex digits stays
     * literal and is then re-encoded as %25. '+' is literal: RFC 3986, not form encoding.
     */
    static byte[] percentDecode(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (in[i] == '%' && hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    /** Percent-encodes every byte except A-Z a-z 0-9 - . _ ~ (and '/' when {@code keepSlash}), upper-case hex. */
    static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
