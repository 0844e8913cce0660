package dev.belfry.wire.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A BatchCreateRoomMembership request and small helpers to alter it, shared by the round-trip tests. */
final class SigV4Fixtures {

    static final String ACCESS_KEY = "AKIDROUNDTRIP";
    static final String SECRET = "round/trip+Secret0123456789abcdefghijklm";
    static final SecretLookup SECRETS = id -> id.equals(ACCESS_KEY) ? SECRET : null;
    static final Instant NOW = Instant.parse("2024-05-17T09:30:15Z");

    private SigV4Fixtures() {}

    static SignableRequest unsigned() {
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("Host", "localhost:8080"),
                Map.entry("Content-Type", "application/json"),
                Map.entry("User-Agent", "belfry-cli/0.1"));
        return new SignableRequest(
                "POST",
                "/accounts/acc-1/rooms/room%201/memberships",
                "operation=batch-create",
                headers,
                "{\"MembershipItemList\":[{\"MemberId\":\"u-1\"}]}".getBytes(StandardCharsets.UTF_8));
    }

    /** The request with the signer's headers appended, as the CLI would send it. */
    static SignableRequest signed(String service, String region) {
        return signWith(unsigned(), service, region, null);
    }

    static SignableRequest signWith(SignableRequest request, String service, String region, String token) {
        Map<String, String> added = new SigV4Signer(service, region).sign(request, ACCESS_KEY, SECRET, token, NOW);
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        headers.addAll(added.entrySet());
        return new SignableRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    static SignableRequest withHeader(SignableRequest r, String name, String value) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(r.headers());
        headers.add(Map.entry(name, value));
        return new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignableRequest without(SignableRequest r, String name) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(r.headers());
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
        return new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignableRequest body(SignableRequest r, String body) {
        return new SignableRequest(
                r.method(), r.rawPath(), r.rawQuery(), r.headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    static SignableRequest replaceAuthorization(SignableRequest r, UnaryOperator<String> change) {
        String authorization = Headers.first(r.headers(), "authorization");
        return withHeader(without(r, "Authorization"), "Authorization", change.apply(authorization));
    }
}
