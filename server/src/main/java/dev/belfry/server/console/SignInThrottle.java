package dev.belfry.server.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Brute-force throttling of console sign-in (D117): at most {@link #PER_KEY} failed attempts per access key id and
 * {@link #PER_SOURCE} per source address within {@link #WINDOW}; past either, sign-in answers 429 with Retry-After
 * until the oldest failure leaves the window, even for the right secret (else guessing would simply go on). A
 * success clears its key's failures, not its source's. Counts live in this server's memory: behind a load balancer
 * each server counts alone, which multiplies the budget by the number of servers but never lets it grow without end.
 */
public final class SignInThrottle {
    public static final int PER_KEY = 5;
    public static final int PER_SOURCE = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Entries kept at most; past it, expired ones are swept, and failing that the oldest key is dropped. */
    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again; zero when it may try now. */
    public synchronized Duration wait(String source, String accessKeyId) {
        Instant now = clock.instant();
        return max(waitFor("source:" + source, PER_SOURCE, now), waitFor("key:" + accessKeyId, PER_KEY, now));
    }

    public synchronized void failed(String source, String accessKeyId) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES) {
            failures.values().removeIf(d -> expire(d, now).isEmpty());
            if (failures.size() >= MAX_ENTRIES) {
                failures.remove(failures.keySet().iterator().next());
            }
        }
        failures.computeIfAbsent("source:" + source, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("key:" + accessKeyId, k -> new ArrayDeque<>()).addLast(now);
    }

    public synchronized void succeeded(String accessKeyId) {
        failures.remove("key:" + accessKeyId);
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null || expire(d, now).size() < limit) {
            return Duration.ZERO;
        }
        // the attempt is allowed again when enough failures have aged out to bring the count under the limit
        Instant[] times = d.toArray(Instant[]::new);
        Instant freed = times[times.length - limit].plus(WINDOW);
        return Duration.between(now, freed);
    }

    private static Deque<Instant> expire(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && !d.peekFirst().plus(WINDOW).isAfter(now)) {
            d.removeFirst();
        }
        return d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
