package dev.belfry.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of a transaction that holds rooms' messages and webhooks (issue 14), reached through {@link
 * StoreTransaction#messages()} so the rest of the port stays as it was.
 */
public interface MessageTransaction {
    /** Adds the webhook and its roster entry (a Webhook membership of its room, D72), raising the member count. */
    void insertWebhook(Webhook webhook);

    /** A webhook by id, whatever its tenant: the webhook endpoint knows only the id and token of its URL. */
    Optional<Webhook> webhook(String webhookId);

    /** The webhook, its row locked until the transaction ends: posts to one webhook are paced across servers. */
    Optional<Webhook> lockWebhook(String webhookId);

    /** A room's webhooks, oldest first (at most {@link Webhook#PER_ROOM}). */
    List<Webhook> webhooks(String roomId);

    /** Stores a new token hash or last post time. */
    void updateWebhook(Webhook webhook);

    /** Removes the webhook and its roster entry; false when there was none. */
    boolean deleteWebhook(String roomId, String webhookId);

    void insertMessage(Message message);

    Optional<Message> message(String roomId, String messageId);

    /**
     * A room's messages created at or after {@code notBefore} (null: all), in (created time, id) order, oldest first
     * or newest first, strictly after {@code after} in that order (null: from the start).
     */
    List<Message> messages(String roomId, Instant notBefore, boolean newestFirst, Cursor after, int limit);

    /** Removes the message's content for good and records when (D75); false when it was already redacted. */
    boolean redactMessage(String messageId, Instant at);

    /** Deletes up to {@code limit} messages of the account created before {@code before}; returns how many. */
    int deleteMessagesBefore(String accountId, Instant before, int limit);

    /** Accounts whose room messages are kept for a limited time, with their retention settings (D76). */
    List<AccountRetention> roomRetentions();

    record AccountRetention(String accountId, RetentionSettings settings) {}

    /**
     * Takes or renews the lease called {@code name} for {@code holder} until {@code until}: true when it was free,
     * expired at {@code now}, or already this holder's (D77).
     */
    boolean claimLease(String name, String holder, Instant now, Instant until);
}
