package dev.belfry.server;

import java.time.Duration;

/**
 * Rooms' messages (issue 14): where webhook URLs point, how fast one webhook may post, how often retention is
 * enforced.
 *
 * @param publicUrl what webhook URLs start with, as integrations reach the server (behind a proxy, say); null: the
 *     server's own URL (D71)
 * @param webhookPostInterval the least time between two accepted posts to one webhook; zero: unpaced (D73)
 * @param retentionSweepInterval how often each server offers to run the retention sweep (D77)
 * @param botEvents how bot events are delivered (issue 15)
 */
public record MessagingSettings(
        String publicUrl,
        Duration webhookPostInterval,
        Duration retentionSweepInterval,
        dev.belfry.server.bots.BotEventSettings botEvents) {
    public static MessagingSettings defaults() {
        return new MessagingSettings(null, Duration.ofSeconds(1), Duration.ofMinutes(10));
    }

    public MessagingSettings(String publicUrl, Duration webhookPostInterval, Duration retentionSweepInterval) {
        this(
                publicUrl,
                webhookPostInterval,
                retentionSweepInterval,
                dev.belfry.server.bots.BotEventSettings.defaults());
    }

    /** How bot events are delivered (issue 15). */
    public MessagingSettings withBotEvents(dev.belfry.server.bots.BotEventSettings settings) {
        return new MessagingSettings(publicUrl, webhookPostInterval, retentionSweepInterval, settings);
    }

    public MessagingSettings withPublicUrl(String url) {
        return new MessagingSettings(url, webhookPostInterval, retentionSweepInterval, botEvents);
    }

    public MessagingSettings withWebhookPostInterval(Duration interval) {
        return new MessagingSettings(publicUrl, interval, retentionSweepInterval, botEvents);
    }

    public MessagingSettings withRetentionSweepInterval(Duration interval) {
        return new MessagingSettings(publicUrl, webhookPostInterval, interval, botEvents);
    }
}
