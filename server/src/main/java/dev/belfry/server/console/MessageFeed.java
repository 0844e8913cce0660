package dev.belfry.server.console;

import dev.belfry.rooms.Caller;
import dev.belfry.rooms.Message;
import dev.belfry.rooms.MessageService;
import dev.belfry.rooms.Page;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * New messages for the console's open rooms (D120). Once a second, each room that has a browser watching is read
 * once, whatever the number of browsers: the messages created from {@link #LOOKBACK} before the previous read on,
 * through {@link MessageService#list} (so retention and tenant rules hold), and those not sent before go to every
 * stream of the room. Reading the store, not listening inside this process, is what makes a message posted on
 * another server sharing the PostgreSQL database appear too; the look-back covers clocks that differ between
 * servers and transactions that commit a little after the time they stamped.
 */
final class MessageFeed implements AutoCloseable {
    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration LOOKBACK = Duration.ofSeconds(10);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Open streams per server at most; past it a new one is refused with 503. */
    static final int MAX_STREAMS = 1_000;

    private final MessageService messages;
    private final Clock clock;
    private final PrintStream errors;
    private final Map<String, RoomFeed> rooms = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "belfry-console-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant lastHeartbeat;

    MessageFeed(MessageService messages, Clock clock, PrintStream errors) {
        this.messages = messages;
        this.clock = clock;
        this.errors = errors;
        this.lastHeartbeat = clock.instant();
        timer.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds a stream to its room's feed; the caller has already been allowed to read the room. */
    void subscribe(Caller caller, String accountId, String roomId, SseStream stream) {
        if (rooms.values().stream().mapToInt(f -> f.streams.size()).sum() >= MAX_STREAMS) {
            throw new ConsoleFailure(
                    503, "ServiceUnavailableException", "This server has too many live views open; reload later.");
        }
        // a new feed starts its look-back at now, so what arrived since the page was read (moments ago) is sent
        while (true) {
            RoomFeed feed = rooms.computeIfAbsent(
                    accountId + "/" + roomId, k -> new RoomFeed(caller, accountId, roomId, clock.instant()));
            // a feed already running has sent its recent messages; send them again to the newcomer (the page dedupes)
            synchronized (feed) {
                if (!feed.dead) { // else the timer dropped it just now: take a new one
                    feed.recent.values().forEach(m -> stream.event("message", m.messageId(), json(m)));
                    feed.streams.add(stream);
                    return;
                }
            }
        }
    }

    private void tick() {
        Instant now = clock.instant();
        boolean beat = !now.isBefore(lastHeartbeat.plus(HEARTBEAT));
        if (beat) {
            lastHeartbeat = now;
        }
        for (RoomFeed feed : rooms.values()) {
            try {
                poll(feed, now, beat);
            } catch (RuntimeException e) {
                // the room is gone, or the database is away: say so to the browsers and let them reconnect
                errors.println("console: live messages of room " + feed.roomId + " stopped: " + e);
                feed.streams.forEach(s -> {
                    s.event("gone", null, "{}");
                    s.close();
                });
                synchronized (feed) {
                    feed.dead = true;
                    rooms.remove(feed.accountId + "/" + feed.roomId, feed);
                }
            }
        }
    }

    private void poll(RoomFeed feed, Instant now, boolean beat) {
        feed.streams.removeIf(s -> {
            if (!now.isBefore(s.expires)) {
                s.event("expired", null, "{}");
                s.close();
            }
            return s.closed();
        });
        synchronized (feed) {
            if (feed.streams.isEmpty()) {
                feed.dead = true;
                rooms.remove(feed.accountId + "/" + feed.roomId, feed);
                return;
            }
        }
        Instant since = feed.lastRead.minus(LOOKBACK);
        feed.lastRead = now;
        List<Message> fresh = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<Message> page = messages.list(
                    feed.caller, feed.accountId, feed.roomId, since, false, MessageService.MAX_PAGE, token);
            for (Message m : page.items()) {
                if (!feed.recent.containsKey(m.messageId())) {
                    fresh.add(m);
                }
            }
            token = page.nextToken();
        } while (token != null && ++pages < 10);
        synchronized (feed) {
            feed.recent.values().removeIf(m -> m.createdAt().isBefore(since));
            for (Message m : fresh) {
                feed.recent.put(m.messageId(), m);
                feed.streams.forEach(s -> s.event("message", m.messageId(), json(m)));
            }
        }
        if (beat) {
            feed.streams.forEach(SseStream::heartbeat);
        }
    }

    private static String json(Message m) {
        return new String(ConsoleJson.write(ConsoleViews.message(m)), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        rooms.values().forEach(f -> f.streams.forEach(SseStream::close));
        rooms.clear();
    }

    /** One watched room: who reads it, the messages sent lately (to tell new from old), and its streams. */
    private static final class RoomFeed {
        final Caller caller;
        final String accountId;
        final String roomId;
        volatile Instant lastRead;
        /** Dropped from the map: a subscriber that finds it so takes a new feed. */
        boolean dead;

        final Map<String, Message> recent = new LinkedHashMap<>();
        final List<SseStream> streams = new CopyOnWriteArrayList<>();

        RoomFeed(Caller caller, String accountId, String roomId, Instant start) {
            this.caller = caller;
            this.accountId = accountId;
            this.roomId = roomId;
            this.lastRead = start;
        }
    }
}
