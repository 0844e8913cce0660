package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.ServerProcess;
import dev.belfry.model.JsonTree;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `serve --log-format json --trust-proxy` (D34): stdout holds only the access log, each line a JSON object with
 * every field; an unexpected failure's stack trace is on stderr, never on stdout nor the wire; the metrics endpoint
 * serves JVM, HikariCP and Jetty series beside the request metrics.
 */
class LogsAndMetricsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void jsonAccessLogStackTracesOnStderrAndJvmPoolAndJettyMetrics() throws Exception {
        Path dir = Files.createTempDirectory("belfry-logs");
        Path data = dir.resolve("data");
        Path stdout = dir.resolve("stdout.log");
        Path stderr = dir.resolve("stderr.log");
        int port = ServerProcess.freePort();
        Process server = new ProcessBuilder(List.of(
                        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                        "-jar",
                        ServerProcess.jar().toString(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data",
                        data.toString(),
                        "--create-account-type",
                        "EnterpriseLWA",
                        "--log-format",
                        "json",
                        "--trust-proxy"))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            awaitReady(port, server, stderr);
            Http.Response created = Http.send(
                    port,
                    new Http.Raw(
                            "POST",
                            "/accounts",
                            signedWith(port, "POST", "/accounts", "{\"Name\":\"logs\"}", "203.0.113.9"),
                            "{\"Name\":\"logs\"}".getBytes(StandardCharsets.UTF_8)));
            assertThat(created.status()).isEqualTo(201);
            String account = created.text().replaceAll(".*\"AccountId\":\"([^\"]+)\".*", "$1");
            assertThat(Http.send(port, Http.signedRaw(port, "GET", "/accounts/nope", null, "test", "bad"))
                            .status())
                    .isEqualTo(403);

            // an unexpected failure: the rooms table vanishes under the server
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("belfry.db"));
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = OFF");
                s.execute("DROP TABLE rooms");
            }
            Http.Response failed = Http.send(
                    port, Http.signedRaw(port, "GET", "/accounts/" + account + "/rooms", null, "test", "test"));
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.text()).doesNotContain("\tat ").doesNotContain("Exception:");
            String failedId = failed.header("x-amzn-RequestId");

            String metrics = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_belfry/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .contains("belfry_requests_seconds_count")
                    .contains("jvm_memory_used_bytes")
                    .contains("jvm_gc_")
                    .contains("jvm_threads_live_threads")
                    .contains("hikaricp_connections_active")
                    .contains("jetty_threads_busy")
                    .contains("jetty_connections_");

            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();

            List<Map<String, Object>> lines = new ArrayList<>();
            for (String line : Files.readAllLines(stdout)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) JsonTree.read(line);
                lines.add(json);
            }
            assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
            for (Map<String, Object> line : lines) {
                assertThat(line)
                        .containsKeys(
                                "time",
                                "level",
                                "msg",
                                "request_id",
                                "remote",
                                "client",
                                "method",
                                "path",
                                "operation",
                                "access_key_id",
                                "status",
                                "error_type",
                                "bytes",
                                "duration_ms");
                OffsetDateTime.parse((String) line.get("time")); // RFC 3339
                assertThat(line.get("remote")).isEqualTo("127.0.0.1");
            }
            Map<String, Object> create = lines.get(0);
            assertThat(create)
                    .containsEntry("method", "POST")
                    .containsEntry("path", "/accounts")
                    .containsEntry("operation", "CreateAccount")
                    .containsEntry("access_key_id", "test")
                    .containsEntry("client", "203.0.113.9")
                    .containsEntry("error_type", null);
            assertThat(((Number) create.get("status")).intValue()).isEqualTo(201);
            assertThat(((Number) create.get("bytes")).intValue()).isEqualTo(created.body().length);
            Map<String, Object> refused = lines.get(1);
            assertThat(((Number) refused.get("status")).intValue()).isEqualTo(403);
            assertThat(refused.get("error_type")).isNotNull();
            assertThat(refused.get("client")).isNull(); // no X-Forwarded-For sent
            Map<String, Object> broken = lines.get(2);
            assertThat(broken).containsEntry("request_id", failedId).containsEntry("operation", "ListRooms");
            assertThat(((Number) broken.get("status")).intValue()).isEqualTo(500);

            String errors = Files.readString(stderr);
            assertThat(errors).contains(failedId).contains("\"stack\":\"").contains("\\tat ");
            assertThat(Files.readString(stdout)).doesNotContain("\tat ").doesNotContain("\\tat ");
            // the banner went to stderr too, so stdout is the access log alone
            assertThat(errors).contains("serving the Amazon Chime chat-room API at");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void textAccessLogCarriesTimeRemoteBytesAndTheTraceGoesToStderr() throws Exception {
        Path dir = Files.createTempDirectory("belfry-logs");
        Path data = dir.resolve("data");
        Path stdout = dir.resolve("stdout.log");
        Path stderr = dir.resolve("stderr.log");
        int port = ServerProcess.freePort();
        Process server = new ProcessBuilder(List.of(
                        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                        "-jar",
                        ServerProcess.jar().toString(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data",
                        data.toString()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            awaitReady(port, server, stdout);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("belfry.db"));
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = OFF");
                s.execute("DROP TABLE accounts");
            }
            Http.Response failed = Http.send(port, Http.signedRaw(port, "GET", "/accounts", null, "test", "test"));
            assertThat(failed.status()).isEqualTo(500);
            String id = failed.header("x-amzn-RequestId");
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(stdout);
            assertThat(out)
                    .containsPattern("time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z access request_id=" + id
                            + " remote=127\\.0\\.0\\.1 method=GET path=\"/accounts\" operation=ListAccounts key=test"
                            + " status=500 error=ServiceFailureException bytes=\\d+ ms=")
                    .doesNotContain("\tat ")
                    .doesNotContain("error request_id=");
            assertThat(Files.readString(stderr))
                    .containsPattern("time=\\S+ error request_id=" + id + " ")
                    .contains("\tat ");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void warnLevelWritesNoAccessLinesAndABadLevelIsOneLine() throws Exception {
        Path dir = Files.createTempDirectory("belfry-logs");
        Path stdout = dir.resolve("stdout.log");
        int port = ServerProcess.freePort();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process server = new ProcessBuilder(List.of(
                        java,
                        "-jar",
                        ServerProcess.jar().toString(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data",
                        dir.resolve("data").toString(),
                        "--log-level",
                        "WARN"))
                .redirectErrorStream(true)
                .redirectOutput(stdout.toFile())
                .start();
        try {
            awaitReady(port, server, stdout);
            assertThat(Http.send(port, Http.signedRaw(port, "GET", "/accounts", null, "test", "test"))
                            .status())
                    .isEqualTo(200);
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(stdout))
                    .contains("serving the Amazon Chime")
                    .doesNotContain("access ");
        } finally {
            server.destroyForcibly();
        }

        Process bad = new ProcessBuilder(
                        List.of(java, "-jar", ServerProcess.jar().toString(), "serve", "--log-format", "xml"))
                .redirectErrorStream(true)
                .start();
        String output = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor()).isEqualTo(2);
        assertThat(output.strip()).isEqualTo("belfry serve: log-format must be one of text, json, was 'xml'");
    }

    private static List<Map.Entry<String, String>> signedWith(
            int port, String method, String target, String body, String forwardedFor) {
        return Http.signed(
                port,
                method,
                target,
                body.getBytes(StandardCharsets.UTF_8),
                "test",
                "test",
                java.time.Instant.now(),
                List.of(Http.h("X-Forwarded-For", "198.51.100.1, " + forwardedFor)));
    }

    private static void awaitReady(int port, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("serve exited: " + Files.readString(log));
            }
            try {
                int status = HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_belfry/ready"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("serve did not become ready: " + Files.readString(log));
    }
}
