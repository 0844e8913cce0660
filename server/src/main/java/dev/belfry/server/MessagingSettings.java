package dev.belfry.server;

import dev.belfry.server.bots.BotEventSettings;
import java.time.Duration;

/**
 * Rooms' messages (issue 14): where webhook URLs point, how fast one webhook may post, how often retention is
 * enforced; how long the audit trail is kept (issue 16) and how bot events are delivered (issue 15).
 *
 * @param publicUrl what webhook URLs start with, as integrations reach the server (behind a proxy, say); null: the
 *     server's own URL (D71)
 * @param webhookPostInterval the least time between two accepted posts to one webhook; zero: unpaced (D73)
 * @param retentionSweepInterval how often each server offers to run the retention sweeps (D77, D86)
 * @param auditRetention how long the audit trail of membership changes is kept (issue 16, D86); null: for ever
 * @param botEvents how bot events are delivered (issue 15)
 */
public record MessagingSettings(
        String publicUrl,
        Duration webhookPostInterval,
        Duration retentionSweepInterval,
        Duration auditRetention,
        BotEventSettings botEvents) {
    public static MessagingSettings defaults() {
        return new MessagingSettings(
                null, Duration.ofSeconds(1), Duration.ofMinutes(10), null, BotEventSettings.defaults());
    }

    public MessagingSettings(String publicUrl, Duration webhookPostInterval, Duration retentionSweepInterval) {
        this(publicUrl, webhookPostInterval, retentionSweepInterval, null, BotEventSettings.defaults());
    }

    public MessagingSettings withAuditRetention(Duration keep) {
        return new MessagingSettings(publicUrl, webhookPostInterval, retentionSweepInterval, keep, botEvents);
    }

    /** How bot events are delivered (issue 15). */
    public MessagingSettings withBotEvents(BotEventSettings settings) {
        return new MessagingSettings(publicUrl, webhookPostInterval, retentionSweepInterval, auditRetention, settings);
    }

    public MessagingSettings withPublicUrl(String url) {
        return new MessagingSettings(url, webhookPostInterval, retentionSweepInterval, auditRetention, botEvents);
    }

    public MessagingSettings withWebhookPostInterval(Duration interval) {
        return new MessagingSettings(publicUrl, interval, retentionSweepInterval, auditRetention, botEvents);
    }

    public MessagingSettings withRetentionSweepInterval(Duration interval) {
        return new MessagingSettings(publicUrl, webhookPostInterval, interval, auditRetention, botEvents);
    }
}
