package dev.belfry.cli.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A response as read off the socket: headers in received order with their original names. */
public record WireResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** urllib3's view as botocore exposes it: lower-cased names, first-seen order, repeats joined by ", ". */
    public Map<String, String> lowercaseHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            out.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + ", " + b);
        }
        return out;
    }

    public String header(String name) {
        return lowercaseHeaders().get(name.toLowerCase(Locale.ROOT));
    }
}
