package dev.belfry.rooms;

/**
 * Messages of rooms and conversations, as far as the admin API reaches them: RedactRoomMessage and
 * RedactConversationMessage. Belfry stores no room messages yet (incoming webhooks and bot replies will bring them)
 * and has no conversations at all, so every message id is unknown: NotFound, after the same account and room checks
 * a real message would pass (D44).
 */
public final class MessageService {
    private final DomainContext ctx;

    public MessageService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /** RedactRoomMessage: the account (Enterprise, like every room operation) and the room must exist first. */
    public void redactRoomMessage(Caller caller, String accountId, String roomId, String messageId) {
        ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.room(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            throw DomainException.notFound("message", messageId);
        });
    }

    /**
     * RedactConversationMessage: conversations (direct and group chats between users) are not part of Belfry, so
     * after the account check the conversation itself is unknown.
     */
    public void redactConversationMessage(Caller caller, String accountId, String conversationId, String messageId) {
        ctx.store().read(tx -> {
            AccountGuard.active(tx, caller, accountId);
            throw DomainException.notFound("conversation", conversationId);
        });
    }
}
