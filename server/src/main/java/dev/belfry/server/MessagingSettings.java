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
 */
public record MessagingSettings(String publicUrl, Duration webhookPostInterval, Duration retentionSweepInterval) {
    public static MessagingSettings defaults() {
        return new MessagingSettings(null, Duration.ofSeconds(1), Duration.ofMinutes(10));
    }

    public MessagingSettings withPublicUrl(String url) {
        return new MessagingSettings(url, webhookPostInterval, retentionSweepInterval);
    }

    public MessagingSettings withWebhookPostInterval(Duration interval) {
        return new MessagingSettings(publicUrl, interval, retentionSweepInterval);
    }

    public MessagingSettings withRetentionSweepInterval(Duration interval) {
        return new MessagingSettings(publicUrl, webhookPostInterval, interval);
    }
}
