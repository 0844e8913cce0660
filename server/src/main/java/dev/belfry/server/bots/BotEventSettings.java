package dev.belfry.server.bots;

import java.time.Duration;

/**
 * How bot events are delivered (issue 15).
 *
 * @param retryHorizon how long a failing event is retried before it is dead (--bot-event-retry-horizon, D105)
 * @param allowHttpEndpoints whether a plain http:// endpoint on a host other than loopback is accepted
 *     (--allow-http-bot-endpoints, D108)
 * @param pollInterval how often each server looks for due events nobody woke it for (D95: a commit of this server,
 *     the end of a delivery and a retry falling due wake it at once; the poll finds other servers' leftovers)
 * @param timeout how long the bot has to answer (Chime: 2 s)
 * @param concurrency how many deliveries one server has in flight at most
 * @param deliveredRetention how long a delivered event stays in the outbox (--bot-event-retention-days, D96)
 * @param deadRetention how long a dead event stays in the outbox (--bot-event-dead-retention-days, D96)
 */
public record BotEventSettings(
        Duration retryHorizon,
        boolean allowHttpEndpoints,
        Duration pollInterval,
        Duration timeout,
        int concurrency,
        Duration deliveredRetention,
        Duration deadRetention) {
    public static BotEventSettings defaults() {
        return new BotEventSettings(
                Duration.ofHours(24),
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                32,
                Duration.ofDays(7),
                Duration.ofDays(30));
    }

    public BotEventSettings withRetryHorizon(Duration horizon) {
        return new BotEventSettings(
                horizon, allowHttpEndpoints, pollInterval, timeout, concurrency, deliveredRetention, deadRetention);
    }

    public BotEventSettings withAllowHttpEndpoints(boolean allow) {
        return new BotEventSettings(
                retryHorizon, allow, pollInterval, timeout, concurrency, deliveredRetention, deadRetention);
    }

    /** How long delivered and dead events are kept (D96). */
    public BotEventSettings withRetention(Duration delivered, Duration dead) {
        return new BotEventSettings(
                retryHorizon, allowHttpEndpoints, pollInterval, timeout, concurrency, delivered, dead);
    }
}
