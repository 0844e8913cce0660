package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.model.JsonTree;
import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * Raw HTTP/1.1 over a socket to 127.0.0.1, so tests can send exactly the bytes they mean (bad methods,
 * duplicated or missing headers, bodies that do not match their signature), and SigV4 signing with
 * Belfry's own signer. Also the D18 error-shape check and a whole-tenant snapshot through the SDK.
 */
final class Http {
    private Http() {}

    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }

    /** A request as raw parts; headers go out in order, names as given. */
    record Raw(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {}

    static Map.Entry<String, String> h(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    /** Signs (method, path?query, headers + Host, body) and returns the headers to send, signature included. */
    static List<Map.Entry<String, String>> signed(
            int port,
            String method,
            String target,
            byte[] body,
            String key,
            String secret,
            Instant when,
            List<Map.Entry<String, String>> extra) {
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? null : target.substring(q + 1);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(h("Host", "127.0.0.1:" + port));
        headers.add(h("Content-Type", "application/json"));
        headers.addAll(extra);
        Map<String, String> auth = new SigV4Signer("chime", "us-east-1")
                .sign(new SignableRequest(method, rawPath, rawQuery, headers, body), key, secret, null, when);
        auth.forEach((k, v) -> headers.add(h(k, v)));
        return headers;
    }

    static Raw signedRaw(int port, String method, String target, byte[] body, String key, String secret) {
        return new Raw(method, target, signed(port, method, target, body, key, secret, Instant.now(), List.of()), body);
    }

    static Response send(int port, Raw raw) throws IOException {
        return send(port, raw, true);
    }

    /** Sends one request on a fresh connection; adds Content-Length (when addLength) and Connection: close. */
    static Response send(int port, Raw raw, boolean addLength) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(raw.method()).append(' ').append(raw.target()).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> e : raw.headers()) {
            head.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        byte[] body = raw.body() == null ? new byte[0] : raw.body();
        if (addLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        return exchange(port, out.toByteArray());
    }

    static Response exchange(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading a huge body; read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    static Response read(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (java.net.SocketException e) {
            all = new byte[0];
        }
        return parse(all);
    }

    static Response parse(byte[] all) throws IOException {
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new Response(-1, Map.of(), all);
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        String te = headers.containsKey("transfer-encoding")
                ? headers.get("transfer-encoding").get(0)
                : "";
        if (te.equalsIgnoreCase("chunked")) {
            rest = dechunk(rest);
        }
        return new Response(status, headers, rest);
    }

    private static byte[] dechunk(byte[] data) throws IOException {
        InputStream in = new ByteArrayInputStream(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() == 0) {
                return out.toByteArray();
            }
            int size = Integer.parseInt(line.toString().split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            in.read();
            in.read();
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * D18: a 4xx (never 5xx), x-amzn-ErrorType and x-amzn-RequestId headers, a JSON body with string Code and
     * Message, and nothing of the implementation (class names, stack frames) in it.
     */
    @SuppressWarnings("unchecked")
    static void assertApiError(Response r, String what) {
        assertThat(r.status()).as("status of %s: %s", what, r).isBetween(400, 499);
        assertThat(r.header("x-amzn-ErrorType"))
                .as("x-amzn-ErrorType of %s: %s", what, r)
                .isNotBlank();
        assertThat(r.header("x-amzn-RequestId"))
                .as("x-amzn-RequestId of %s", what)
                .isNotBlank();
        Map<String, Object> body;
        try {
            body = (Map<String, Object>) JsonTree.read(new ByteArrayInputStream(r.body()));
        } catch (IOException | ClassCastException e) {
            throw new AssertionError("error body of " + what + " is not a JSON object: " + r, e);
        }
        assertThat(body.get("Code")).as("Code of %s: %s", what, r).isInstanceOf(String.class);
        assertThat(body.get("Message")).as("Message of %s: %s", what, r).isInstanceOf(String.class);
        String text = r.text();
        assertThat(text)
                .as("no implementation details in %s", what)
                .doesNotContain(
                        "java.", "dev.belfry", "Exception:", "\tat ", "jackson", "org.eclipse", "SQL", "sqlite");
    }

    /** Everything a tenant can see, through the SDK, as one string: equal snapshots mean unchanged data. */
    static String snapshot(ChimeClient c) {
        StringBuilder b = new StringBuilder();
        String token = null;
        do {
            String t = token;
            var page = c.listAccounts(r -> r.maxResults(200).nextToken(t));
            for (var a : page.accounts()) {
                b.append(a).append('\n');
                String id = a.accountId();
                b.append(c.listUsers(r -> r.accountId(id).maxResults(200)).users())
                        .append('\n');
                if (a.accountTypeAsString().startsWith("Enterprise")) {
                    b.append(c.listBots(r -> r.accountId(id).maxResults(99)).bots())
                            .append('\n');
                    for (var room :
                            c.listRooms(r -> r.accountId(id).maxResults(99)).rooms()) {
                        b.append(room).append('\n');
                        b.append(c.listRoomMemberships(r -> r.accountId(id)
                                                .roomId(room.roomId())
                                                .maxResults(99))
                                        .roomMemberships())
                                .append('\n');
                    }
                }
            }
            token = page.nextToken();
        } while (token != null);
        // the tenant's phone number inventory and orders (D69)
        b.append(c.listPhoneNumbers(r -> r.maxResults(99)).phoneNumbers()).append('\n');
        b.append(c.listPhoneNumberOrders(r -> r.maxResults(99)).phoneNumberOrders())
                .append('\n');
        var settings = c.getPhoneNumberSettings(r -> {}); // CallingName is sensitive: toString() hides it
        b.append(settings.callingName())
                .append(' ')
                .append(settings.callingNameUpdatedTimestamp())
                .append('\n');
        return b.toString();
    }
}
