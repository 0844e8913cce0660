package dev.belfry.rooms;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again (D105): Chime's two quick retries first (200 ms after the first failure, 400
 * ms after the second, as the Administration Guide describes), then Belfry's own exponential backoff with full jitter
 * (1 s, 2 s, 4 s … capped at {@link #MAX_BACKOFF}), until {@code horizon} has passed since the event was created or
 * last redelivered (D125); after that it is dead.
 * A 4xx answer is not retried (Chime retried only timeouts and 5xx), so the event is dead at once.
 */
public final class BotEventRetry {
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration[] CHIME = {Duration.ofMillis(200), Duration.ofMillis(400)};

    private final Duration horizon;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1): the jitter */
    public BotEventRetry(Duration horizon, DoubleSupplier random) {
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("The retry horizon must not be negative: " + horizon);
        }
        this.horizon = horizon;
        this.random = random;
    }

    public Duration horizon() {
        return horizon;
    }

    /**
     * What an attempt's outcome makes of the event.
     *
     * @param attempts how many attempts there have been, this one included
     * @param error why the attempt failed, or null when the bot answered 2xx
     * @param retryable whether a failure may succeed later (timeout, refused connection, 5xx)
     */
    public BotEvent.Delivery after(BotEvent event, int attempts, Instant now, String error, boolean retryable) {
        if (error == null) {
            return new BotEvent.Delivery(BotEvent.Status.delivered, attempts, now, null, now);
        }
        String why = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (!retryable) {
            return new BotEvent.Delivery(BotEvent.Status.dead, attempts, now, why, now);
        }
        Instant next = now.plus(delay(attempts));
        Instant giveUp = event.retryFrom().plus(horizon); // the creation, or the last redelivery (D125)
        if (attempts > CHIME.length && next.isAfter(giveUp)) {
            return new BotEvent.Delivery(BotEvent.Status.dead, attempts, now, why, now);
        }
        return new BotEvent.Delivery(BotEvent.Status.pending, attempts, next, why, null);
    }

    /** The wait after the {@code attempts}-th failure. */
    Duration delay(int attempts) {
        if (attempts <= CHIME.length) {
            return CHIME[attempts - 1];
        }
        int exponent = Math.min(attempts - CHIME.length - 1, 20);
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), 1000L << exponent);
        // full jitter, never below 100 ms so a failing bot is not hammered
        return Duration.ofMillis(Math.max(100, (long) (random.getAsDouble() * ceiling)));
    }
}
