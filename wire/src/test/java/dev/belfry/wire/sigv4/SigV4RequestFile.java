package dev.belfry.wire.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a raw HTTP/1.1 request as the SigV4 test suite writes it: request line, headers, blank line, body. The
 * request target may contain spaces (get-space), so the method is everything before the first space and the
 * version everything after the last. A continuation line (leading whitespace) becomes another value of the header
 * above it, which is how the suite's get-header-value-multiline expects "value1,value2,value3".
 */
final class SigV4RequestFile {

    private SigV4RequestFile() {}

    static SignableRequest parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\n\n");
        int crlfEnd = text.indexOf("\r\n\r\n");
        String head;
        String body;
        if (crlfEnd >= 0 && (headerEnd < 0 || crlfEnd < headerEnd)) {
            head = text.substring(0, crlfEnd);
            body = text.substring(crlfEnd + 4);
        } else if (headerEnd >= 0) {
            head = text.substring(0, headerEnd);
            body = text.substring(headerEnd + 2);
        } else {
            head = text;
            body = "";
        }
        String[] lines = head.split("\r?\n");
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);

        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String lastName = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && lastName != null) {
                headers.add(Map.entry(lastName, line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            lastName = line.substring(0, colon);
            headers.add(Map.entry(lastName, line.substring(colon + 1)));
        }
        return new SignableRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
