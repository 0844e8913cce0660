package dev.belfry.rooms;

import dev.belfry.rooms.Enums.Role;
import java.time.Instant;

/**
 * A member's place in a room. {@code addedAt} never changes after the first add and orders listings;
 * {@code updatedAt} moves on every add or role change (D8).
 */
public record Membership(
        String roomId, Member member, Role role, String invitedBy, Instant addedAt, Instant updatedAt) {
    public String memberId() {
        return member.memberId();
    }
}
