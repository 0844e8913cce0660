package dev.belfry.cli.http;

import java.util.List;
import java.util.Map;

/**
 * A request as it will be written: path and query already percent-encoded, headers in send order.
 *
 * @param body null when the request carries no body at all (GET), empty for DELETE's Content-Length: 0
 */
public record WireRequest(
        String method, String path, String query, List<Map.Entry<String, String>> headers, byte[] body) {

    public String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
