package dev.belfry.rooms;

import java.time.Instant;

/**
 * Which audit events a listing wants. {@code tenantId} is always the caller's own (D85); the others are optional
 * (null: any). {@code actor} matches the principal ARN or the access key id; the time range is [since, until).
 */
public record AuditFilter(
        String tenantId,
        String accountId,
        String roomId,
        String memberId,
        String actor,
        Instant since,
        Instant until) {}
