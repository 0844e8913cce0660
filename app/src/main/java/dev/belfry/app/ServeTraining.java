package dev.belfry.app;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.ServerSettings;
import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class archive for {@code belfry serve}: the option parsing, a
 * server on a throw-away SQLite database, and a few signed requests through the whole pipeline (a
 * create, a batch, a listing, an error), so {@code -XX:ArchiveClassesAtExit} or JDK 25's AOT cache
 * captures what a real start and first request load. Start-up to the first answer is a target
 * (BENCHMARKS.md); most of it is class loading and linking.
 */
public final class ServeTraining {
    private ServeTraining() {}

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("belfry-training");
        try {
            ServeCommand.parse(new String[] {"--port", "0", "--data", data.toString(), "--no-access-log"});
            try (BelfryServer server = BelfryServer.start(
                    ServerSettings.defaults(data).withPort(0).withCreateAccountType(AccountType.EnterpriseLWA),
                    Map.of(),
                    new PrintStream(OutputStream.nullOutputStream()),
                    false)) {
                String account = call(server, "POST", "/accounts", "{\"Name\":\"training\"}");
                String id = account.replaceAll("(?s).*\"AccountId\":\"([^\"]+)\".*", "$1");
                String room = call(server, "POST", "/accounts/" + id + "/rooms", "{\"Name\":\"r\"}");
                String roomId = room.replaceAll("(?s).*\"RoomId\":\"([^\"]+)\".*", "$1");
                call(
                        server,
                        "POST",
                        "/accounts/" + id + "/rooms/" + roomId + "/memberships?operation=batch-create",
                        "{\"MembershipItemList\":[{\"MemberId\":\"nobody\",\"Role\":\"Member\"}]}");
                call(server, "GET", "/accounts/" + id + "/rooms/" + roomId + "/memberships", "");
                call(server, "GET", "/accounts/missing", "");
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One signed HTTP/1.1 request over a plain socket; returns the response body. */
    private static String call(BelfryServer server, String method, String pathAndQuery, String body) throws Exception {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        String host = "127.0.0.1:" + server.port();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = new SigV4Signer("chime", "us-east-1")
                .sign(
                        new SignableRequest(
                                method,
                                path,
                                query,
                                List.of(new AbstractMap.SimpleImmutableEntry<>("Host", host)),
                                bytes),
                        "test",
                        "test",
                        null,
                        Instant.now());
        StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + host
                + "\r\nConnection: close\r\nContent-Length: " + bytes.length + "\r\n");
        signed.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }
}
