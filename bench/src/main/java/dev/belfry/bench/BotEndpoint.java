package dev.belfry.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bots of the bot-event bench: one real HTTP server in the bench process, each bot at {@code /bots/<index>}. It
 * echoes PutEventsConfiguration's verification challenge (as AWS's sample bot does), and for each event notes when it
 * arrived ({@link System#nanoTime}, the clock the load generator's acknowledgements use) under the event's place in its
 * bot's queue for its room: the n-th distinct Belfry-Event-Id of bot b in room r. Duplicates (the same id again) are
 * counted, not timed.
 */
final class BotEndpoint implements AutoCloseable {
    private static final Pattern CHALLENGE = Pattern.compile("\"Challenge\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern ROOM = Pattern.compile("\"DiscussionId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer http;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** Per bot and room: how many distinct events arrived. */
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    /** "bot|room|n" → arrival (nanoTime). */
    final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong received = new AtomicLong();

    BotEndpoint() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        http.setExecutor(threads);
        http.createContext("/bots/", this::handle);
        http.start();
    }

    String url(int bot) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/bots/" + bot;
    }

    static String key(int bot, String room, long n) {
        return bot + "|" + room + "|" + n;
    }

    private void handle(HttpExchange ex) throws IOException {
        long at = System.nanoTime();
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        String id = ex.getRequestHeaders().getFirst("Belfry-Event-Id");
        if (id == null) {
            Matcher m = CHALLENGE.matcher(body);
            answer(ex, m.find() ? "{\"Challenge\":\"" + m.group(1) + "\"}" : "{}");
            return;
        }
        received.incrementAndGet();
        int bot = Integer.parseInt(ex.getRequestURI().getPath().substring("/bots/".length()));
        Matcher room = ROOM.matcher(body);
        if (!room.find()) {
            throw new IOException("an event without a DiscussionId: " + body);
        }
        if (seen.add(id)) {
            long n = counts.computeIfAbsent(bot + "|" + room.group(1), k -> new AtomicLong())
                    .incrementAndGet();
            arrivals.put(key(bot, room.group(1), n), at);
        } else {
            duplicates.incrementAndGet();
        }
        answer(ex, "{}");
    }

    private static void answer(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
