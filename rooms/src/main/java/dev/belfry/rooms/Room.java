package dev.belfry.rooms;

import java.time.Instant;

/** A chat room of an Enterprise account. {@code createdBy} is the caller's principal ARN (D7). */
public record Room(
        String roomId, String accountId, String name, String createdBy, Instant createdAt, Instant updatedAt) {
    public Room renamed(String newName, Instant at) {
        return new Room(roomId, accountId, newName, createdBy, createdAt, at);
    }
}
