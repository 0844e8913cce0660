package dev.belfry.rooms;

import java.time.Instant;

/**
 * An event for a bot (issue 15): Invite, Mention or Remove, as the outbox holds it. It carries what the payload is
 * made of (D101), not the JSON itself: the domain knows no JSON, and the server renders the same bytes from these
 * fields on every attempt. {@code seq} orders the bot's events in one room (D104).
 *
 * @param senderId who caused the event: the caller's principal ARN for an API change, the webhook id for a webhook's
 *     post (D101)
 * @param message the whole message text (Mention only, else null)
 * @param createdAt the change's commit time, which is also the payload's EventTimestamp
 * @param retryFrom when its retry horizon starts: createdAt, or the last redelivery (D125)
 */
public record BotEvent(
        String eventId,
        String accountId,
        String botId,
        String roomId,
        long seq,
        Type type,
        String senderId,
        String message,
        Instant createdAt,
        Delivery delivery,
        Instant retryFrom) {

    /** An event never redelivered: its horizon starts at its creation. */
    public BotEvent(
            String eventId,
            String accountId,
            String botId,
            String roomId,
            long seq,
            Type type,
            String senderId,
            String message,
            Instant createdAt,
            Delivery delivery) {
        this(eventId, accountId, botId, roomId, seq, type, senderId, message, createdAt, delivery, createdAt);
    }

    public enum Type {
        Invite,
        Mention,
        Remove
    }

    /** Where an event stands (D105): waiting (or being retried), sent and answered 2xx, or given up on. */
    public enum Status {
        pending,
        delivered,
        dead
    }

    /**
     * Its delivery so far.
     *
     * @param finishedAt when it was delivered or declared dead (null while pending)
     */
    public record Delivery(Status status, int attempts, Instant nextAttemptAt, String lastError, Instant finishedAt) {
        static Delivery queued(Instant at) {
            return new Delivery(Status.pending, 0, at, null, null);
        }
    }

    /** A new event, due now; the store gives it its place in the bot's room order. */
    static BotEvent queued(
            String accountId, String botId, String roomId, Type type, String senderId, String message, Instant at) {
        return new BotEvent(Ids.newId(), accountId, botId, roomId, 0, type, senderId, message, at, Delivery.queued(at));
    }
}
