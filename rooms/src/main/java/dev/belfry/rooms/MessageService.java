package dev.belfry.rooms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Rooms' messages (issue 14): listing them (Belfry's ListRoomMessages) and RedactRoomMessage, plus
 * RedactConversationMessage. Messages arrive through incoming webhooks ({@link WebhookService}) and, later, bots.
 * Belfry has no conversations (direct and group chats between users), so every conversation is unknown (D44).
 */
public final class MessageService {
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;

    private final DomainContext ctx;

    public MessageService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A page of the room's messages, oldest first unless {@code newestFirst}, from {@code since} on (null: all).
     * Messages older than the account's room retention are not shown, even in the grace period before they are
     * deleted (D76). Redacted messages are listed, without content (D75).
     */
    public Page<Message> list(
            Caller caller,
            String accountId,
            String roomId,
            Instant since,
            boolean newestFirst,
            Integer maxResults,
            String nextToken) {
        int size = Paging.size(maxResults, DEFAULT_PAGE, MAX_PAGE);
        String scope = "messages:" + roomId + ":" + (newestFirst ? "desc" : "asc") + ":"
                + (since == null ? "" : since.toEpochMilli());
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.room(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            Instant visibleFrom = later(since, retainedFrom(tx, accountId, ctx.now()));
            List<Message> rows = tx.messages().messages(roomId, visibleFrom, newestFirst, after, size + 1);
            return Paging.page(
                    rows, size, ctx.tokens(), scope, m -> m.createdAt().toEpochMilli(), Message::messageId);
        });
    }

    /**
     * RedactRoomMessage: the message's content is removed from the database for good and the message lists as
     * redacted (D75), and so is the copy its bots' Mention events carry. Redacting it again changes nothing and
     * succeeds. The store is then asked to scrub the freed
     * space from its files.
     */
    public void redactRoomMessage(Caller caller, String accountId, String roomId, String messageId) {
        boolean redacted = ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.room(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            Message message = tx.messages()
                    .message(roomId, messageId)
                    .orElseThrow(() -> DomainException.notFound("message", messageId));
            boolean changed = tx.messages().redactMessage(messageId, ctx.now());
            if (changed && message.content() != null && message.content().indexOf('@') >= 0) {
                // the bots' Mentions carry a copy of the text: gone too, and an undelivered one is never sent (D75)
                tx.botEvents()
                        .forgetMentionText(
                                roomId,
                                message.createdAt(),
                                message.content(),
                                ctx.now(),
                                "The message was redacted before this Mention was delivered.");
            }
            return changed;
        });
        if (redacted) {
            ctx.store().scrubDeletedContent();
        }
    }

    /**
     * RedactConversationMessage: conversations are not part of Belfry, so after the account check the conversation
     * itself is unknown.
     */
    public void redactConversationMessage(Caller caller, String accountId, String conversationId, String messageId) {
        ctx.store().read(tx -> {
            AccountGuard.active(tx, caller, accountId);
            throw DomainException.notFound("conversation", conversationId);
        });
    }

    /** The oldest creation time the account's room retention still shows at {@code now}; null: retention is off. */
    static Instant retainedFrom(StoreTransaction tx, String accountId, Instant now) {
        return tx.retentionSettings(accountId)
                .map(RetentionSettings::roomDays)
                .map(days -> now.minus(Duration.ofDays(days)))
                .orElse(null);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
