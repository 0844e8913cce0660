package dev.belfry.server.bots;

import java.time.Duration;

/**
 * How bot events are delivered (issue 15).
 *
 * @param retryHorizon how long a failing event is retried before it is dead (--bot-event-retry-horizon, D105)
 * @param allowHttpEndpoints whether a plain http:// endpoint on a host other than loopback is accepted
 *     (--allow-http-bot-endpoints, D108)
 * @param pollInterval how often each server looks for due events when it has nothing in hand
 * @param timeout how long the bot has to answer (Chime: 2 s)
 * @param concurrency how many deliveries one server has in flight at most
 */
public record BotEventSettings(
        Duration retryHorizon, boolean allowHttpEndpoints, Duration pollInterval, Duration timeout, int concurrency) {
    public static BotEventSettings defaults() {
        return new BotEventSettings(Duration.ofHours(24), false, Duration.ofMillis(50), Duration.ofSeconds(2), 32);
    }

    public BotEventSettings withRetryHorizon(Duration horizon) {
        return new BotEventSettings(horizon, allowHttpEndpoints, pollInterval, timeout, concurrency);
    }

    public BotEventSettings withAllowHttpEndpoints(boolean allow) {
        return new BotEventSettings(retryHorizon, allow, pollInterval, timeout, concurrency);
    }
}
