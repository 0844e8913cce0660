package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * Clients that send their bodies slowly, or declare a large one and send nothing, must not take the server down.
 * Before bodies were read without a thread, about 60 such connections made every signed request and health time
 * out. Here 200 connections trickle a body and 64 declare 2 MB and send nothing, while health and signed requests
 * are timed against a 100 ms bound.
 */
class SlowClientsIT {
    static final int TRICKLERS = 200;
    static final int SILENT = 64;
    static final Duration BOUND = Duration.ofMillis(100);
    static final int ROUNDS = 30;
    static final java.util.concurrent.atomic.AtomicInteger CUT_OFF = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void healthAndSignedRequestsKeepAnsweringWhileClientsTrickle() throws Exception {
        try (RunningServer server = RunningServer.enterprise(Databases.freshSqlite())) {
            int port = server.server().port();
            ChimeClient chime = server.client();
            String account = chime.createAccount(b -> b.name("slow")).account().accountId();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create(server.url() + "/_belfry/health"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            for (int i = 0; i < 20; i++) { // warm up both paths before timing them
                http.send(health, HttpResponse.BodyHandlers.ofString());
                Http.send(port, Http.signedRaw(port, "GET", "/accounts/" + account, null, "test", "test"));
            }

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService slow = Executors.newFixedThreadPool(TRICKLERS + SILENT);
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < TRICKLERS; i++) {
                    Socket s = open(port, sockets);
                    slow.submit(() -> trickle(s, port, stop));
                }
                for (int i = 0; i < SILENT; i++) {
                    Socket s = open(port, sockets);
                    slow.submit(() -> declareAndWait(s, stop));
                }
                Thread.sleep(3_000); // every slow connection is in, and the server has begun to cut the tricklers off

                List<Long> healthMs = new ArrayList<>();
                List<Long> signedMs = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> h = http.send(health, HttpResponse.BodyHandlers.ofString());
                    long t1 = System.nanoTime();
                    assertThat(h.statusCode()).isEqualTo(200);
                    Http.Response signed =
                            Http.send(port, Http.signedRaw(port, "GET", "/accounts/" + account, null, "test", "test"));
                    long t2 = System.nanoTime();
                    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
                    healthMs.add((t1 - t0) / 1_000_000);
                    signedMs.add((t2 - t1) / 1_000_000);
                    Thread.sleep(50);
                }
                System.out.printf(
                        "SlowClientsIT: %d trickling (cut off and reconnected %d times) and %d silent connections;"
                                + " health ms %s; signed GetAccount ms (a new connection each) %s%n",
                        TRICKLERS, CUT_OFF.get(), SILENT, healthMs, signedMs);
                assertWithinBound(healthMs, "health");
                assertWithinBound(signedMs, "signed GetAccount");
            } finally {
                stop.set(true);
                for (Socket s : sockets) {
                    s.close();
                }
                slow.shutdownNow();
                slow.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Nearly every answer within the bound, and none slow: on this 2-CPU machine, with the load generator in the same
     * JVM, one request in a run now and then takes up to about 0.3 s (an outlier the server's own latency metric
     * does not show in full). Before the fix these requests timed out after 10 s.
     */
    private static void assertWithinBound(List<Long> millis, String what) {
        long within = millis.stream().filter(ms -> ms <= BOUND.toMillis()).count();
        assertThat(within).as("%s answers within %s: %s", what, BOUND, millis).isGreaterThanOrEqualTo(ROUNDS * 9L / 10);
        assertThat(millis).as(what).allMatch(ms -> ms < 1_000);
    }

    private static Socket open(int port, List<Socket> sockets) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        sockets.add(s);
        return s;
    }

    /**
     * An unsigned POST whose body comes one byte every 200 ms; when the server cuts the connection off (too slow),
     * it connects again and starts over, as an attacker would, so the load stays for the whole test.
     */
    private static Void trickle(Socket first, int port, AtomicBoolean stop) throws Exception {
        Socket s = first;
        while (!stop.get()) {
            try {
                OutputStream out = s.getOutputStream();
                out.write(("POST /accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                while (!stop.get()) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (Exception cutOff) {
                s.close();
                if (!stop.get()) {
                    CUT_OFF.incrementAndGet();
                    s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                }
            }
        }
        s.close();
        return null;
    }

    /** Declares a 2 MB body, sends none of it, and reads whatever the server answers. */
    private static Void declareAndWait(Socket s, AtomicBoolean stop) throws Exception {
        s.getOutputStream()
                .write(("POST /accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 2000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = s.getInputStream()) {
            while (!stop.get() && in.read() >= 0) {
                // drain the answer; keep the connection open
            }
        } catch (Exception closed) {
            // closed by the test or the server
        }
        return null;
    }
}
