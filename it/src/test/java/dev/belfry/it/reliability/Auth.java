package dev.belfry.it.reliability;

import static dev.belfry.it.reliability.Http.h;

import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ways to break a request's authentication or its headers, each applied to an otherwise valid request. */
final class Auth {
    private Auth() {}

    static final List<String> BREAKS = List.of(
            "none",
            "garbage",
            "basic",
            "no-signature",
            "empty-signature",
            "wrong-secret",
            "unknown-key",
            "expired",
            "future",
            "altered-body",
            "appended-body",
            "altered-query",
            "altered-path",
            "altered-signed-header",
            "wrong-service",
            "no-date",
            "bad-date",
            "other-scheme",
            "signature-case",
            "credential-scope-short",
            "two-authorizations",
            "two-authorizations-forged-first",
            "two-dates");

    static Http.Raw broken(int port, String method, String target, byte[] body, String how) {
        Instant now = Instant.now();
        List<Map.Entry<String, String>> extra = List.of(h("X-Amz-Meta-Tag", "original"));
        return switch (how) {
            case "none" ->
                new Http.Raw(
                        method,
                        target,
                        without(
                                Http.signed(port, method, target, body, "test", "test", now, List.of()),
                                "Authorization"),
                        body);
            case "garbage" ->
                replace(
                        Http.signed(port, method, target, body, "test", "test", now, List.of()),
                        "Authorization",
                        "x7&%$ garbage,,,",
                        method,
                        target,
                        body);
            case "basic" ->
                replace(
                        Http.signed(port, method, target, body, "test", "test", now, List.of()),
                        "Authorization",
                        "Basic dGVzdDp0ZXN0",
                        method,
                        target,
                        body);
            case "no-signature" -> mapAuth(port, method, target, body, a -> a.replaceAll(", ?Signature=[0-9a-f]+", ""));
            case "empty-signature" ->
                mapAuth(port, method, target, body, a -> a.replaceAll("Signature=[0-9a-f]+", "Signature="));
            case "signature-case" ->
                mapAuth(
                        port,
                        method,
                        target,
                        body,
                        a -> a.replaceAll(
                                "Signature=([0-9a-f]+)",
                                "Signature="
                                        + a.substring(a.indexOf("Signature=") + 10)
                                                .toUpperCase()));
            case "credential-scope-short" ->
                mapAuth(port, method, target, body, a -> a.replace("/us-east-1/chime", ""));
            case "other-scheme" ->
                mapAuth(port, method, target, body, a -> a.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"));
            case "wrong-secret" ->
                new Http.Raw(
                        method, target, Http.signed(port, method, target, body, "test", "wrong", now, List.of()), body);
            case "unknown-key" ->
                new Http.Raw(
                        method,
                        target,
                        Http.signed(port, method, target, body, "AKIANOSUCHKEY", "test", now, List.of()),
                        body);
            case "expired" ->
                new Http.Raw(
                        method,
                        target,
                        Http.signed(
                                port,
                                method,
                                target,
                                body,
                                "test",
                                "test",
                                now.minus(Duration.ofMinutes(16)),
                                List.of()),
                        body);
            case "future" ->
                new Http.Raw(
                        method,
                        target,
                        Http.signed(
                                port,
                                method,
                                target,
                                body,
                                "test",
                                "test",
                                now.plus(Duration.ofMinutes(16)),
                                List.of()),
                        body);
            case "altered-body" ->
                new Http.Raw(
                        method,
                        target,
                        Http.signed(port, method, target, body, "test", "test", now, List.of()),
                        alter(body));
            case "appended-body" ->
                new Http.Raw(
                        method,
                        target,
                        Http.signed(port, method, target, body, "test", "test", now, List.of()),
                        (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
            case "altered-query" ->
                new Http.Raw(
                        method,
                        target + (target.contains("?") ? "&" : "?") + "x=1",
                        Http.signed(port, method, target, body, "test", "test", now, List.of()),
                        body);
            case "altered-path" ->
                new Http.Raw(
                        method,
                        otherId(target),
                        Http.signed(port, method, target, body, "test", "test", now, List.of()),
                        body);
            case "altered-signed-header" ->
                replace(
                        Http.signed(port, method, target, body, "test", "test", now, extra),
                        "X-Amz-Meta-Tag",
                        "changed",
                        method,
                        target,
                        body);
            case "wrong-service" -> {
                List<Map.Entry<String, String>> headers =
                        new ArrayList<>(List.of(h("Host", "127.0.0.1:" + port), h("Content-Type", "application/json")));
                int q = target.indexOf('?');
                new SigV4Signer("s3", "us-east-1")
                        .sign(
                                new SignableRequest(
                                        method,
                                        q < 0 ? target : target.substring(0, q),
                                        q < 0 ? null : target.substring(q + 1),
                                        headers,
                                        body),
                                "test",
                                "test",
                                null,
                                now)
                        .forEach((k, v) -> headers.add(h(k, v)));
                yield new Http.Raw(method, target, headers, body);
            }
            case "no-date" ->
                new Http.Raw(
                        method,
                        target,
                        without(Http.signed(port, method, target, body, "test", "test", now, List.of()), "X-Amz-Date"),
                        body);
            case "bad-date" ->
                replace(
                        Http.signed(port, method, target, body, "test", "test", now, List.of()),
                        "X-Amz-Date",
                        "yesterday",
                        method,
                        target,
                        body);
            case "two-authorizations" -> {
                List<Map.Entry<String, String>> headers =
                        new ArrayList<>(Http.signed(port, method, target, body, "test", "test", now, List.of()));
                headers.add(h(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=test/20200101/us-east-1/chime/aws4_request, "
                                + "SignedHeaders=host, Signature=" + "0".repeat(64)));
                yield new Http.Raw(method, target, headers, body);
            }
            case "two-authorizations-forged-first" -> {
                List<Map.Entry<String, String>> signed =
                        Http.signed(port, method, target, body, "test", "test", now, List.of());
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                headers.add(h(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=test/20200101/us-east-1/chime/aws4_request, "
                                + "SignedHeaders=host, Signature=" + "0".repeat(64)));
                headers.addAll(signed);
                yield new Http.Raw(method, target, headers, body);
            }
            case "two-dates" -> {
                List<Map.Entry<String, String>> headers =
                        new ArrayList<>(Http.signed(port, method, target, body, "test", "test", now, List.of()));
                headers.add(h("X-Amz-Date", "20200101T000000Z"));
                yield new Http.Raw(method, target, headers, body);
            }
            default -> throw new IllegalArgumentException(how);
        };
    }

    /** Header abuse on a signed CreateRoom: would create a room if the server took it. */
    static final List<String> HEADER_ABUSE = List.of(
            "no-host",
            "two-hosts",
            "two-content-lengths",
            "negative-content-length",
            "garbage-content-length",
            "chunked-and-length",
            "bogus-transfer-encoding",
            "header-without-colon",
            "space-in-header-name",
            "huge-header",
            "nul-in-header",
            "folded-header",
            "two-content-types",
            "empty-header-name",
            "many-headers");

    static Http.Raw headerAbuse(int port, String how, String target, byte[] body) {
        List<Map.Entry<String, String>> signed =
                new ArrayList<>(Http.signed(port, "POST", target, body, "test", "test", Instant.now(), List.of()));
        String len = String.valueOf(body.length);
        switch (how) {
            case "no-host" -> signed.removeIf(e -> e.getKey().equalsIgnoreCase("host"));
            case "two-hosts" -> signed.add(1, h("Host", "evil.example"));
            case "two-content-lengths" -> {
                signed.add(h("Content-Length", len));
                signed.add(h("Content-Length", String.valueOf(body.length + 1)));
            }
            case "negative-content-length" -> signed.add(h("Content-Length", "-1"));
            case "garbage-content-length" -> signed.add(h("Content-Length", "12abc"));
            case "chunked-and-length" -> {
                signed.add(h("Transfer-Encoding", "chunked"));
                signed.add(h("Content-Length", len));
            }
            case "bogus-transfer-encoding" -> signed.add(h("Transfer-Encoding", "gzip, identity"));
            case "header-without-colon" -> signed.add(h("X-Broken-Line-Without-Colon\r\nAnother", "x"));
            case "space-in-header-name" -> signed.add(h("Bad Name", "x"));
            case "huge-header" -> signed.add(h("X-Big", "b".repeat(70_000)));
            case "nul-in-header" -> signed.add(h("X-Nul", "a\u0000b"));
            case "folded-header" -> signed.add(h("X-Folded", "a\r\n b"));
            case "two-content-types" -> signed.add(h("Content-Type", "text/plain"));
            case "empty-header-name" -> signed.add(h("", "x"));
            case "many-headers" -> {
                for (int i = 0; i < 2_000; i++) {
                    signed.add(h("X-H" + i, "v"));
                }
            }
            default -> throw new IllegalArgumentException(how);
        }
        return new Http.Raw("POST", target, signed, body);
    }

    /** The same path with one character of its first id changed: signed for one resource, sent to another. */
    private static String otherId(String target) {
        int at = "/accounts/".length();
        if (!target.startsWith("/accounts/") || target.length() <= at) {
            // any other path (/accounts, /phone-numbers/…, /search?…): its first segment, one letter longer
            return target.replaceFirst("^/([^/?]*)", "/$1z");
        }
        char c = target.charAt(at);
        return target.substring(0, at) + (c == 'a' ? 'b' : 'a') + target.substring(at + 1);
    }

    private static byte[] alter(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        // a body without a string in it ("{}") still changes: a space after it
        return (s.isEmpty() ? "{}" : s.contains("\"") ? s.replaceFirst("\"", "\"X") : s + " ")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<Map.Entry<String, String>> without(List<Map.Entry<String, String>> headers, String name) {
        List<Map.Entry<String, String>> out = new ArrayList<>(headers);
        out.removeIf(e -> e.getKey().equalsIgnoreCase(name));
        return out;
    }

    private static Http.Raw replace(
            List<Map.Entry<String, String>> headers,
            String name,
            String value,
            String method,
            String target,
            byte[] body) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> e : headers) {
            out.add(e.getKey().equalsIgnoreCase(name) ? h(e.getKey(), value) : e);
        }
        return new Http.Raw(method, target, out, body);
    }

    private static Http.Raw mapAuth(
            int port, String method, String target, byte[] body, java.util.function.UnaryOperator<String> change) {
        List<Map.Entry<String, String>> headers =
                Http.signed(port, method, target, body, "test", "test", Instant.now(), List.of());
        String auth = headers.stream()
                .filter(e -> e.getKey().equals("Authorization"))
                .findFirst()
                .orElseThrow()
                .getValue();
        return replace(headers, "Authorization", change.apply(auth), method, target, body);
    }
}
