package dev.belfry.it.reliability;

import static dev.belfry.it.reliability.Http.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * Against a `belfry serve` process with a credentials file: missing, malformed, forged, unknown-key,
 * expired (16 min skew) and replayed-with-altered-body requests get the D19 errors and change nothing;
 * the server's whole output never shows a secret or a signature; every request has one access-log line
 * with its x-amzn-RequestId; /_belfry/health answers without credentials; /_belfry/metrics counts
 * requests by operation, status and error type.
 */
class AuthAndOperabilityIT {
    static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";
    static final String OTHER_SECRET = "je7MtGbClwBF-2Zp9Utk-h3yCo8nvbEXAMPLEKEY";

    @Test
    void refusedRequestsChangeNothingAndLeaveNoSecretInTheLogs() throws Exception {
        Path creds = Files.createTempFile("belfry-creds", ".json");
        Files.writeString(
                creds,
                "{\"credentials\":[{\"accessKeyId\":\"AKIDALICE\",\"secretAccessKey\":\"" + SECRET
                        + "\",\"tenant\":\"111111111111\"},{\"accessKeyId\":\"AKIDBOB\",\"secretAccessKey\":\""
                        + OTHER_SECRET
                        + "\",\"tenant\":\"222222222222\"}]}");
        ServerProcess server = LoadFixtures.start(List.of(
                "--data",
                Databases.tempDir("belfry-auth").toString(),
                "--credentials",
                creds.toString(),
                "--create-account-type",
                "EnterpriseLWA"));
        try (ChimeClient alice = LoadFixtures.client(server.url(), "AKIDALICE", SECRET)) {
            String account = alice.createAccount(b -> b.name("alice")).account().accountId();
            String before = Http.snapshot(alice);
            int port = server.port();
            String target = "/accounts/" + account + "/rooms";
            byte[] body = "{\"Name\":\"must not exist\"}".getBytes(StandardCharsets.UTF_8);

            Map<String, Http.Raw> cases = new LinkedHashMap<>();
            cases.put("missing", Auth.broken(port, "POST", target, body, "none"));
            cases.put("malformed", Auth.broken(port, "POST", target, body, "no-signature"));
            cases.put("forged", withKey(port, target, body, "AKIDALICE", "not-the-secret"));
            cases.put("unknown key", withKey(port, target, body, "AKIDNOBODY", SECRET));
            cases.put("expired", expired(port, target, body));
            Http.Raw signed = Http.signedRaw(port, "POST", target, body, "AKIDALICE", SECRET);
            cases.put(
                    "replayed, altered body",
                    new Http.Raw(
                            "POST",
                            target,
                            signed.headers(),
                            "{\"Name\":\"replayed\"}".getBytes(StandardCharsets.UTF_8)));
            Map<String, String> expected = Map.of(
                    "missing",
                    "403 MissingAuthenticationTokenException",
                    "malformed",
                    "400 IncompleteSignatureException",
                    "forged",
                    "403 InvalidSignatureException",
                    "unknown key",
                    "403 UnrecognizedClientException",
                    "expired",
                    "403 InvalidSignatureException",
                    "replayed, altered body",
                    "403 InvalidSignatureException");
            List<String> requestIds = new ArrayList<>();
            for (var e : cases.entrySet()) {
                Http.Response r = Http.send(port, e.getValue());
                assertApiError(r, e.getKey());
                assertThat(r.status() + " " + r.header("x-amzn-ErrorType"))
                        .as(e.getKey())
                        .isEqualTo(expected.get(e.getKey()));
                if (e.getKey().equals("expired")) {
                    assertThat(r.text()).contains("Signature expired");
                }
                requestIds.add(r.header("x-amzn-RequestId"));
            }
            // The signed original still works once, proving the refusals were about the breakage only.
            Http.Response ok = Http.send(port, signed);
            assertThat(ok.status()).isEqualTo(201);
            requestIds.add(ok.header("x-amzn-RequestId"));
            alice.deleteRoom(
                    b -> b.accountId(account).roomId(ok.text().replaceAll(".*\"RoomId\":\"([^\"]+)\".*", "$1")));
            assertThat(Http.snapshot(alice)).as("data after refused requests").isEqualTo(before);

            // Operability: health without credentials, metrics by operation/status/error type.
            Http.Response health =
                    Http.send(port, new Http.Raw("GET", "/_belfry/health", List.of(Http.h("Host", "x")), null));
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text()).contains("UP");
            Http.Response metrics =
                    Http.send(port, new Http.Raw("GET", "/_belfry/metrics", List.of(Http.h("Host", "x")), null));
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.text())
                    .containsPattern("belfry_requests_seconds_count\\{[^}]*operation=\"CreateRoom\"[^}]*status=\"201\"")
                    .containsPattern(
                            "belfry_errors_total\\{[^}]*error=\"InvalidSignatureException\"[^}]*status=\"403\"")
                    .containsPattern("belfry_errors_total\\{[^}]*error=\"MissingAuthenticationTokenException\"")
                    .contains("belfry_requests_seconds_bucket")
                    .contains("belfry_requests_seconds_sum");

            String log = server.output();
            for (String id : requestIds) {
                assertThat(count(log, "access request_id=" + id + " "))
                        .as("one access-log line for %s", id)
                        .isEqualTo(1);
            }
            assertThat(log)
                    .as("server output")
                    .doesNotContain(SECRET)
                    .doesNotContain(OTHER_SECRET)
                    .doesNotContain("not-the-secret")
                    .doesNotContain("Signature=")
                    .doesNotContain("AWS4-HMAC-SHA256");
            for (Http.Raw raw : cases.values()) {
                for (var h : raw.headers()) {
                    if (h.getKey().equals("Authorization")) {
                        Matcher sig =
                                Pattern.compile("Signature=([0-9a-f]{64})").matcher(h.getValue());
                        if (sig.find()) {
                            assertThat(log).doesNotContain(sig.group(1));
                        }
                    }
                }
            }
        } finally {
            server.close();
        }
        assertThat(server.output()).doesNotContain(SECRET).doesNotContain(OTHER_SECRET);
    }

    private static Http.Raw withKey(int port, String target, byte[] body, String key, String secret) {
        return Http.signedRaw(port, "POST", target, body, key, secret);
    }

    private static Http.Raw expired(int port, String target, byte[] body) {
        return new Http.Raw(
                "POST",
                target,
                Http.signed(
                        port,
                        "POST",
                        target,
                        body,
                        "AKIDALICE",
                        SECRET,
                        java.time.Instant.now().minus(java.time.Duration.ofMinutes(16)),
                        List.of()),
                body);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
