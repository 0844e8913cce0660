package dev.belfry.rooms;

import dev.belfry.rooms.Enums.MemberType;
import java.time.Instant;

/**
 * A message in a room, posted by a webhook (issue 14) or, later, a bot or user. {@code content} is null once the
 * message is redacted (D75); the sender's name is the one it had when it posted.
 */
public record Message(
        String messageId,
        String accountId,
        String roomId,
        Sender sender,
        String content,
        Instant createdAt,
        Instant redactedAt) {

    /** Who posted: a member id (user, bot or webhook), its type and its name at the time. */
    public record Sender(String memberId, MemberType type, String fullName) {}

    public boolean redacted() {
        return redactedAt != null;
    }
}
