package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * SIGTERM while a request is in flight: the server stops accepting (new connections are refused), the
 * in-flight request still gets its complete 201, the process exits 0, and after a restart the data the
 * answer acknowledged is there.
 */
class ShutdownIT {
    @Test
    void sigtermFinishesInFlightRequestsRefusesNewOnesAndExitsZero() throws Exception {
        Path data = Databases.tempDir("belfry-shutdown");
        List<String> args = List.of("--data", data.toString(), "--create-account-type", "EnterpriseLWA");
        ServerProcess server = LoadFixtures.start(args);
        LoadFixtures.Seed seed;
        try (ChimeClient c = LoadFixtures.client(server.url(), "test", "test")) {
            seed = LoadFixtures.seed(c, 1, 3);
        }
        int port = server.port();
        String target =
                "/accounts/" + seed.account() + "/rooms/" + seed.rooms().get(0) + "/memberships?operation=batch-create";
        byte[] body = LoadFixtures.batchBody(seed.users());
        Http.Raw raw = Http.signedRaw(port, "POST", target, body, "test", "test");
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\n");
        for (Map.Entry<String, String> e : raw.headers()) {
            head.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");

        try (Socket inFlight = new Socket()) {
            inFlight.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            inFlight.setSoTimeout(20_000);
            OutputStream out = inFlight.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body, 0, body.length / 2); // the handler is now reading the body
            out.flush();
            Thread.sleep(500);

            long signalled = System.nanoTime();
            server.process().destroy(); // SIGTERM
            awaitRefused(port);
            assertThat(server.process().isAlive())
                    .as("still finishing the in-flight request")
                    .isTrue();

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            Http.Response answer = readOne(inFlight.getInputStream());
            assertThat(answer.status()).as("in-flight answer: %s", answer).isEqualTo(201);
            assertThat(answer.text()).contains("\"Errors\":[]");
            inFlight.close(); // the client is done; a pooled keep-alive connection would be closed by the stop

            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.process().exitValue())
                    .as("exit code after SIGTERM")
                    .isZero();
            System.out.printf("ShutdownIT: stopped %.2f s after SIGTERM%n", (System.nanoTime() - signalled) / 1e9);
        }
        assertThat(server.output()).contains("access request_id=").contains("operation=BatchCreateRoomMembership");

        ServerProcess again = LoadFixtures.start(args);
        try (ChimeClient c = LoadFixtures.client(again.url(), "test", "test")) {
            var members = c.listRoomMemberships(
                            b -> b.accountId(seed.account()).roomId(seed.rooms().get(0)))
                    .roomMemberships();
            assertThat(members)
                    .extracting(m -> m.member().memberId())
                    .containsExactlyInAnyOrderElementsOf(seed.users());
        } finally {
            again.close();
        }
    }

    private static void awaitRefused(int port) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (ConnectException refused) {
                return;
            }
            Thread.sleep(50);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .as("new connections after SIGTERM")
                .isInstanceOf(ConnectException.class);
    }

    /** Reads one response by its Content-Length (the connection may stay open). */
    private static Http.Response readOne(InputStream in) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int contentLength = -1;
        int headerEnd = -1;
        byte[] chunk = new byte[4096];
        while (true) {
            int n = in.read(chunk);
            if (n < 0) {
                break;
            }
            buf.write(chunk, 0, n);
            String text = buf.toString(StandardCharsets.ISO_8859_1);
            if (headerEnd < 0 && (headerEnd = text.indexOf("\r\n\r\n")) >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)")
                        .matcher(text);
                contentLength = m.find() ? Integer.parseInt(m.group(1)) : 0;
            }
            if (headerEnd >= 0 && buf.size() >= headerEnd + 4 + contentLength) {
                break;
            }
        }
        return Http.parse(buf.toByteArray());
    }
}
