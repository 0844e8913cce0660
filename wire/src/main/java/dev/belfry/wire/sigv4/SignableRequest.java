package dev.belfry.wire.sigv4;

import java.util.List;
import java.util.Map;

/**
 * A request as it travels: {@code rawPath} and {@code rawQuery} exactly as on the wire (still percent-encoded;
 * {@code rawQuery} without '?', null or "" when absent); headers in received order, names as received, a name may
 * repeat. A null body is treated as empty.
 */
public record SignableRequest(
        String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers, byte[] body) {}
