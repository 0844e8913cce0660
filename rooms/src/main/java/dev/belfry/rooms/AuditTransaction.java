package dev.belfry.rooms;

import java.time.Instant;
import java.util.List;

/**
 * The part of a transaction that holds the audit trail (issue 16, schema V9), reached through {@link
 * StoreTransaction#audit()}. Records are written in the transaction of the change they describe, so a change and its
 * record commit or roll back together (D83).
 */
public interface AuditTransaction {
    void record(List<AuditEvent> events);

    /** Events matching the filter in (time, id) order, strictly after {@code after} (null: from the start). */
    List<AuditEvent> events(AuditFilter filter, Cursor after, int limit);

    /** Deletes up to {@code limit} events older than {@code before}, whatever their tenant; returns how many. */
    int deleteBefore(Instant before, int limit);
}
