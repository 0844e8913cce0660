package dev.belfry.app;

import com.sun.net.httpserver.HttpServer;
import dev.belfry.cli.ChimeCli;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the launcher's class-data-sharing archive for {@code belfry chime}: it runs the
 * CLI's common paths in-process (parse, shorthand, sign, HTTP, parse the response, format as json, table,
 * text and yaml, --query, a service error) against a throw-away local responder, so that
 * {@code -XX:ArchiveClassesAtExit} captures the classes a real call loads. The CLI is start-up bound:
 * such an archive saves about 100 ms per call (BENCHMARKS.md, "`belfry chime` start-up"). {@code belfry admin} calls
 * share the archive, so one admin call is made too.
 */
public final class ChimeTraining {
    private static final String MEMBERSHIPS = "{\"RoomMemberships\":[{\"RoomId\":\"r\",\"Member\":{\"MemberId\":\"m\","
            + "\"MemberType\":\"User\",\"Email\":\"m@example.com\",\"FullName\":\"M\",\"AccountId\":\"a\"},"
            + "\"Role\":\"Member\",\"InvitedBy\":\"arn:aws:iam::000000000000:user/test\","
            + "\"UpdatedTimestamp\":\"2019-12-02T22:46:58.532Z\"}]}";

    private ChimeTraining() {}

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            boolean missing = path.contains("missing");
            String body = missing
                    ? "{\"Code\":\"NotFound\",\"Message\":\"The requested room was not found.\"}"
                    : exchange.getRequestMethod().equals("GET") ? MEMBERSHIPS : "{\"Errors\":[]}";
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
            if (missing) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "NotFoundException");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(
                    missing ? 404 : exchange.getRequestMethod().equals("GET") ? 200 : 201, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> env = new HashMap<>(Map.of(
                    "AWS_ACCESS_KEY_ID",
                    "test",
                    "AWS_SECRET_ACCESS_KEY",
                    "test",
                    "AWS_DEFAULT_REGION",
                    "us-east-1",
                    "AWS_MAX_ATTEMPTS",
                    "1",
                    "AWS_ENDPOINT_URL",
                    url));
            env.put("HOME", System.getProperty("java.io.tmpdir"));
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            for (List<String> command : commands()) {
                ChimeCli.run(command.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), sink, sink, env);
            }
            // `belfry admin` shares this archive (the launcher runs it with the CLI's flags): one signed admin call
            // through the same classes a real one loads (picocli, the JDK's HTTP client, the JSON printer)
            AdminCommand.run(new String[] {
                "create-account", "--name", "training", "--type", "EnterpriseLWA", "--endpoint-url", url
            });
        } finally {
            server.stop(0);
        }
    }

    private static List<List<String>> commands() {
        List<String> batch = List.of(
                "batch-create-room-membership",
                "--account-id",
                "a",
                "--room-id",
                "r",
                "--membership-item-list",
                "MemberId=m1,Role=Administrator",
                "MemberId=m2,Role=Member");
        List<String> list = List.of("list-room-memberships", "--account-id", "a", "--room-id", "r");
        return List.of(
                batch,
                concat(batch, "--output", "text"),
                concat(list, "--output", "table"),
                concat(list, "--output", "yaml"),
                concat(list, "--query", "RoomMemberships[].Member.MemberId"),
                List.of("get-room", "--account-id", "a", "--room-id", "missing"),
                List.of(
                        "batch-create-room-membership",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--membership-item-list",
                        "[{\"MemberId\":\"m\",\"Role\":\"Member\"}]"),
                List.of("batch-create-room-membership", "--generate-cli-skeleton"));
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
