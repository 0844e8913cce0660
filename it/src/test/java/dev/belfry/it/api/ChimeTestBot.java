package dev.belfry.it.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Chime bot as its users wrote them, on a real HTTP server: it verifies Chime-Signature exactly as the
 * Administration Guide's Java sample does (HmacSHA256 keyed by the SecurityToken's UTF-8 bytes over
 * "timestamp|body", Base64, compared with the header) and dispatches on EventType like AWS's sample bot
 * (amazon-chime-private-bot-demo index.js): the verification challenge is echoed, Invite, Mention and Remove are
 * recorded. It can be told to fail (500s, 403s, answers too slow) and can be stopped and started on the same port.
 */
final class ChimeTestBot implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    /** One request as the bot received it. */
    record Received(
            String eventId,
            String timestamp,
            String signature,
            boolean signatureValid,
            String body,
            java.util.Map<String, Object> json) {
        String type() {
            return String.valueOf(json.get("EventType"));
        }
    }

    private volatile String securityToken;
    private HttpServer http;
    private final List<Received> received = new ArrayList<>();
    /** The deliveries answered 200 in time (not those answered only after a slowNext's 3 s). */
    private final List<Received> answered = new ArrayList<>();
    /** Requests to answer 500 before answering normally. */
    final AtomicInteger failNext = new AtomicInteger();
    /** Requests to answer 403 (a refusal Belfry does not retry, D105) before answering normally. */
    final AtomicInteger rejectNext = new AtomicInteger();
    /** Requests to answer only after 3 s (past Belfry's 2 s timeout). */
    final AtomicInteger slowNext = new AtomicInteger();

    private ChimeTestBot() {}

    static ChimeTestBot start() throws IOException {
        ChimeTestBot bot = new ChimeTestBot();
        bot.listen(0);
        return bot;
    }

    void securityToken(String token) {
        this.securityToken = token;
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/events";
    }

    private void listen(int onPort) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext("/events", this::handle);
        // an endpoint that answers 200 without echoing the challenge: Belfry must refuse it
        http.createContext("/no-echo", ex -> answer(ex, 200, "{}"));
        http.start();
    }

    /** Stops listening: connections are refused until {@link #restart}. */
    void stop() {
        http.stop(0);
    }

    void restart() throws IOException {
        int p = http.getAddress().getPort();
        listen(p);
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> answered() {
        return List.copyOf(answered);
    }

    /** The event deliveries received (every attempt), without the verification challenges. */
    synchronized List<Received> deliveries() {
        return received.stream().filter(r -> r.eventId() != null).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        String timestamp = ex.getRequestHeaders().getFirst("Chime-Request-Timestamp");
        String signature = ex.getRequestHeaders().getFirst("Chime-Signature");
        java.util.Map<String, Object> json = parse(body);
        Received r = new Received(
                ex.getRequestHeaders().getFirst("Belfry-Event-Id"),
                timestamp,
                signature,
                verify(timestamp, body, signature),
                body,
                json);
        synchronized (this) {
            received.add(r);
        }
        boolean late = slowNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (late) {
            sleep(3000); // Belfry has given up on this attempt by now (2 s): a 200 now is one it never sees
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(ex, 500, "{\"error\":\"down\"}");
            return;
        }
        if (rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(ex, 403, "{\"error\":\"not now\"}");
            return;
        }
        // dispatch on EventType, as AWS's sample bot does
        switch (r.type()) {
            case "HTTPSEndpointVerification" -> answer(ex, 200, "{\"Challenge\":\"" + json.get("Challenge") + "\"}");
            case "Invite", "Mention", "Remove" -> {
                if (!late) {
                    synchronized (this) {
                        answered.add(r);
                    }
                }
                answer(ex, 200, "{}");
            }
            default -> answer(ex, 400, "Invalid event type");
        }
    }

    /** The body as ordered maps (keys in the order sent), strings and nulls: enough to check a payload's shape. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> parse(String body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            Object v = value(p, p.nextToken());
            return v instanceof java.util.Map ? (java.util.Map<String, Object>) v : java.util.Map.of();
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                m.put(k, value(p, p.nextToken()));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> l = new ArrayList<>();
            JsonToken n;
            while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                l.add(value(p, n));
            }
            return l;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /** The Administration Guide's Java sample, step by step. */
    private boolean verify(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null || securityToken == null) {
            return false;
        }
        try {
            String data = timestamp + "|" + body;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(securityToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String computed = Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
            return computed.equals(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
