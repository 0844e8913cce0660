package dev.belfry.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smallest real bot endpoint a test needs to put a bot in a room (D114: a bot without an events configuration
 * cannot be added): an HTTP server on loopback that echoes PutEventsConfiguration's HTTPSEndpointVerification
 * challenge, as Chime required, and answers every event 200. Suites that test events themselves use a bot that
 * checks signatures (ChimeTestBot); this one only counts what it got.
 */
public final class BotEndpoint implements AutoCloseable {
    private static final Pattern CHALLENGE = Pattern.compile("\"Challenge\"\\s*:\\s*\"([^\"]*)\"");
    private static BotEndpoint shared;

    private final HttpServer http;
    private final AtomicInteger events = new AtomicInteger();

    private BotEndpoint() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bot-endpoint");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/events", this::handle);
        http.start();
    }

    public static BotEndpoint start() {
        try {
            return new BotEndpoint();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One endpoint for the whole test JVM, started on first use and never closed (its threads are daemons). */
    public static synchronized BotEndpoint shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** An http:// URL to loopback, which a server accepts without --allow-http-bot-endpoints. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/events";
    }

    /** Events (not challenges) received so far. */
    public int events() {
        return events.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String answer = "{}";
        Matcher m = CHALLENGE.matcher(body);
        if (body.contains("\"HTTPSEndpointVerification\"") && m.find()) {
            answer = "{\"Challenge\":\"" + m.group(1) + "\"}";
        } else {
            events.incrementAndGet();
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
