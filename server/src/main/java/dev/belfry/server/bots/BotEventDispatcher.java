package dev.belfry.server.bots;

import dev.belfry.rooms.BotEvent;
import dev.belfry.rooms.BotEventRetry;
import dev.belfry.rooms.BotEventService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Delivers the bot events outbox (issue 15, D104-D107). Every server runs one: it claims due events (the head of
 * each bot's queue in each room, D104) for a while, POSTs each to its bot signed as Chime signed it, and records the
 * outcome. A server that dies mid-delivery leaves its claims to expire, and another server (or itself after a
 * restart) sends those events again: delivery is at least once, and {@code Belfry-Event-Id} lets a bot drop the
 * duplicate (the body stays byte-identical to Chime's, which had no id).
 *
 * <p>The HTTP client is the JDK's {@link HttpClient}: it needs no thread per request (sendAsync), its per-request
 * timeout bounds the whole exchange as Chime's 2 s rule does, and it keeps the server module free of a second Jetty
 * component (jetty-client) that would have to be kept in step with jetty-server's version.
 */
public final class BotEventDispatcher implements AutoCloseable {
    /** Long enough for an attempt and its bookkeeping; a claim older than this is another server's to take. */
    static final Duration CLAIM = Duration.ofSeconds(30);

    private final BotEventService events;
    private final BotEventRetry retry;
    private final BotEventSettings settings;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final PrintStream errors;
    private final String holder = "belfry-" + UUID.randomUUID();
    private final LazyHttpClient http;
    private final LambdaInvoker lambda;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean wakePending =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "belfry-bot-events"));
    /**
     * Outcomes waiting to be stored. One thread stores all that have gathered in one transaction: under load a write
     * per outcome made the database's commits (SQLite's fsync, PostgreSQL's round trips) the ceiling of delivery (D95).
     */
    private final java.util.concurrent.LinkedBlockingQueue<Outcome> outcomes =
            new java.util.concurrent.LinkedBlockingQueue<>();

    private final Thread recorder = daemon(this::recordOutcomes, "belfry-bot-events-record");

    /** An attempt's outcome on its way to the outbox; {@code stored} completes once it was written (or not). */
    private record Outcome(BotEvent event, BotEvent.Delivery next, String error, CompletableFuture<Void> stored) {}

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private volatile Timer latency;

    /** @param publicUrl what reply URLs start with (the server as bots reach it) */
    public BotEventDispatcher(
            BotEventService events,
            BotEventSettings settings,
            Supplier<String> publicUrl,
            Clock clock,
            PrintStream errors) {
        this.events = events;
        this.settings = settings;
        this.retry = new BotEventRetry(
                settings.retryHorizon(), () -> ThreadLocalRandom.current().nextDouble());
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.errors = errors;
        this.http = new LazyHttpClient(settings.timeout());
        // D95: woken when this server commits an event, when a delivery ends (the next event of that bot's room may
        // be due, and a slot is free) and when a retry falls due; the slow poll finds what other servers queued and
        // nobody woke for (their commits while this server's bot queue was busy, claims a dead server left)
        recorder.start();
        events.onQueued(this::wake);
        this.lambda = LambdaInvoker.of(settings, clock);
        long ms = Math.max(1, settings.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, Math.min(ms, 100), ms, TimeUnit.MILLISECONDS);
    }

    /** Claims what is due soon on the poller's thread; wake-ups while one is waiting to run are one. */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    wakePending.set(false); // an event committed from here on wakes again
                    poll();
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                wakePending.set(false);
            }
        }
    }

    /**
     * Registers the meters: queued, delivered, retried, dead (counted from start-up even before the registry exists,
     * which Metrics builds off the start-up path), and the time from commit to a bot's 2xx (from binding on).
     */
    public void bind(MeterRegistry registry) {
        FunctionCounter.builder("belfry_bot_events_queued", queued, AtomicLong::get)
                .description("Events taken up for their first attempt")
                .register(registry);
        FunctionCounter.builder("belfry_bot_events_delivered", delivered, AtomicLong::get)
                .description("Events a bot answered with 2xx")
                .register(registry);
        FunctionCounter.builder("belfry_bot_events_retried", retried, AtomicLong::get)
                .description("Failed attempts scheduled again")
                .register(registry);
        FunctionCounter.builder("belfry_bot_events_dead", dead, AtomicLong::get)
                .description("Events given up on")
                .register(registry);
        latency = Timer.builder("belfry_bot_events_latency")
                .description("From the change's commit to the bot's 2xx answer")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    private void poll() {
        try {
            // keep claiming while there is work and room: a backlog drains at the pace of the bots, not the timer
            while (true) {
                int room = settings.concurrency() - inFlight.get();
                if (room <= 0) {
                    return;
                }
                List<BotEventService.Due> due = events.claim(holder, CLAIM, room);
                for (BotEventService.Due d : due) {
                    inFlight.incrementAndGet();
                    deliver(d).whenComplete((ok, e) -> {
                        inFlight.decrementAndGet();
                        wake(); // a slot is free, and the event after this one in its bot's room may be due now
                    });
                }
                if (due.size() < room) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // the database may be away for a while: the next poll tries again, and claims expire
            errors.println("belfry: claiming bot events failed, will retry: " + e.getMessage());
        }
    }

    private CompletableFuture<Void> deliver(BotEventService.Due due) {
        BotEvent event = due.event();
        if (event.delivery().attempts() == 0) {
            queued.incrementAndGet();
        }
        if (due.bot() == null || due.configuration() == null) {
            return record(event, "The bot has no events configuration any more.", false);
        }
        String token = events.replyToken(event);
        String replyUrl = token == null
                ? null
                : publicUrl.get().replaceAll("/+$", "") + "/incomingwebhooks/" + event.eventId() + "?token=" + token;
        byte[] body = BotEventPayload.render(event, replyUrl);
        // a new timestamp, hence a new signature, on every attempt (Administration Guide, auth-bots)
        String timestamp = BotEventPayload.timestamp(Instant.ofEpochMilli(clock.millis()));
        String signature = ChimeSignature.sign(due.bot().securityToken(), timestamp, body);
        if (due.configuration().httpsEndpoint() == null) {
            return invoke(event, due.configuration().lambdaFunctionArn(), body, signature, timestamp);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(due.configuration().httpsEndpoint()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Chime-Signature", signature)
                    .header("Chime-Request-Timestamp", timestamp)
                    .header("Belfry-Event-Id", event.eventId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return record(event, "The endpoint cannot be called: " + e.getMessage(), false);
        }
        return http.get()
                .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        return outcome(event, why(failure, settings.timeout()), true);
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return outcome(event, null, false);
                    }
                    // Chime retried timeouts and 5xx only; 429 asks to come back later, so it is retried too
                    return outcome(event, "HTTP " + status, status >= 500 || status == 429);
                })
                .thenCompose(stored -> stored);
    }

    /**
     * The event through Lambda's Invoke API (D111, D112): RequestResponse, so the function's failure is known and
     * retried; the payload is the HTTPS body byte for byte, the signature in the client context. Every failure is
     * retried until the horizon, Lambda's own 4xx included (D111).
     */
    private CompletableFuture<Void> invoke(
            BotEvent event, String functionArn, byte[] body, String signature, String timestamp) {
        HttpRequest request;
        try {
            request = lambda.request(
                    functionArn,
                    "RequestResponse",
                    body,
                    LambdaInvoker.clientContext(signature, timestamp, event.eventId()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return record(event, "Lambda cannot be invoked: " + e.getMessage(), true);
        }
        return lambda.http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        return outcome(event, why(failure, lambda.timeout()), true);
                    }
                    String error = LambdaInvoker.failure(response);
                    return outcome(event, error, error != null);
                })
                .thenCompose(stored -> stored);
    }

    private static String why(Throwable failure, Duration timeout) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException
                ? "No answer within " + timeout.toMillis() + " ms."
                : "The request failed: " + cause;
    }

    private CompletableFuture<Void> record(BotEvent event, String error, boolean retryable) {
        return outcome(event, error, retryable);
    }

    /** Queues the attempt's outcome for the recorder; the future completes once it is stored (or failed to be). */
    private CompletableFuture<Void> outcome(BotEvent event, String error, boolean retryable) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        BotEvent.Delivery next = retry.after(event, event.delivery().attempts() + 1, now, error, retryable);
        Outcome o = new Outcome(event, next, error, new CompletableFuture<>());
        outcomes.add(o);
        return o.stored();
    }

    /** The recorder's loop: takes what has gathered (at most 256) and stores it in one transaction. */
    private void recordOutcomes() {
        List<Outcome> batch = new java.util.ArrayList<>();
        while (true) {
            try {
                batch.add(outcomes.take());
            } catch (InterruptedException e) {
                return;
            }
            outcomes.drainTo(batch, 255);
            List<Boolean> stored = null;
            try {
                stored = events.recordAll(
                        holder,
                        batch.stream()
                                .map(o -> new BotEventService.Attempt(o.event().eventId(), o.next()))
                                .toList());
            } catch (RuntimeException e) {
                // not recorded: the claims expire and the events are sent again (at least once)
                errors.println("belfry: recording " + batch.size() + " bot event deliveries failed: " + e.getMessage());
            }
            for (int i = 0; i < batch.size(); i++) {
                Outcome o = batch.get(i);
                // false: our claim lapsed and another server took the event over: its outcome stands
                if (stored != null && stored.get(i)) {
                    counted(o.event(), o.next(), o.error());
                }
                o.stored().complete(null);
            }
            batch.clear();
        }
    }

    private void counted(BotEvent event, BotEvent.Delivery next, String error) {
        Instant now = next.finishedAt() != null ? next.finishedAt() : Instant.ofEpochMilli(clock.millis());
        switch (next.status()) {
            case delivered -> {
                delivered.incrementAndGet();
                Timer t = latency;
                if (t != null) {
                    t.record(Duration.between(event.createdAt(), now));
                }
            }
            case dead -> dead.incrementAndGet();
            case pending -> {
                retried.incrementAndGet();
                wakeAt(next.nextAttemptAt());
            }
        }
        if (next.status() == BotEvent.Status.dead) {
            errors.println("belfry: bot event " + event.eventId() + " for bot " + event.botId() + " is dead after "
                    + next.attempts() + " attempts: " + error);
        }
    }

    /** A wake-up when a retry falls due (Chime's 200 ms and 400 ms are kept to the millisecond, not to a poll). */
    private void wakeAt(Instant due) {
        long delay = Math.max(0, due.toEpochMilli() - clock.millis()) + 1;
        try {
            poller.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // shutting down: the event stays pending in the outbox
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        recorder.interrupt();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
            recorder.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
