package dev.belfry.server.ops;

import dev.belfry.rooms.MessageService;

final class MessageOperations {
    private MessageOperations() {}

    static void register(Operations ops, MessageService messages) {
        ops.add("RedactRoomMessage", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> messageId = op.string("MessageId");
            return (caller, in) -> {
                messages.redactRoomMessage(caller, in.get(accountId), in.get(roomId), in.get(messageId));
                return null;
            };
        });
        ops.add("RedactConversationMessage", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> conversationId = op.string("ConversationId");
            Field<String> messageId = op.string("MessageId");
            return (caller, in) -> {
                messages.redactConversationMessage(
                        caller, in.get(accountId), in.get(conversationId), in.get(messageId));
                return null;
            };
        });
    }
}
