package dev.belfry.rooms;

import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Enums.Role;
import java.time.Instant;

/**
 * One membership change, written in the transaction that made it (D83). {@code roleBefore} is null when the member
 * joined, {@code roleAfter} null when it left; both are set for a role change or a re-add (D8's upsert).
 *
 * @param operation the API operation that made the change (CreateRoomMembership, DeleteRoom, …)
 */
public record AuditEvent(
        String eventId,
        Instant at,
        String tenantId,
        String accountId,
        String roomId,
        String memberId,
        MemberType memberType,
        Role roleBefore,
        Role roleAfter,
        String operation,
        String principalArn,
        String accessKeyId,
        String requestId,
        String sourceIp) {}
