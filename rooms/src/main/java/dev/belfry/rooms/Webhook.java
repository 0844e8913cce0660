package dev.belfry.rooms;

import java.time.Instant;

/**
 * A room's incoming webhook (issue 14): a URL that posts messages into one room under the webhook's name. The
 * token of its URL is kept only as {@code tokenSha256} (D71); {@code lastPostAt} paces its posts (D73).
 */
public record Webhook(
        String webhookId,
        String tenantId,
        String accountId,
        String roomId,
        String name,
        String tokenSha256,
        String createdBy,
        Instant createdAt,
        Instant lastPostAt) {

    /** At most this many webhooks in one room (Administration Guide: "up to 10 webhooks per chat room"). */
    public static final int PER_ROOM = 10;

    /** A webhook's name, as the room shows it beside its messages: 1–100 characters, like a room's (D70). */
    public static final int MAX_NAME = 100;

    Webhook withToken(String sha256) {
        return new Webhook(webhookId, tenantId, accountId, roomId, name, sha256, createdBy, createdAt, lastPostAt);
    }

    Webhook postedAt(Instant at) {
        return new Webhook(webhookId, tenantId, accountId, roomId, name, tokenSha256, createdBy, createdAt, at);
    }

    /** The webhook as the room's roster shows it: a member of type Webhook, named as the webhook (D72). */
    public Member asMember() {
        return new Member(webhookId, Enums.MemberType.Webhook, null, name, accountId, null);
    }

    /** A webhook just created or regenerated, with the one copy of its token there will ever be. */
    public record WithToken(Webhook webhook, String token) {}
}
