package dev.belfry.rooms;

import java.time.Duration;
import java.time.Instant;

/**
 * The audit trail of membership changes (issue 16, D83–D86): listing a tenant's own events, and the retention sweep
 * that deletes events older than the operator's setting (kept for ever by default).
 */
public final class AuditService {
    static final String LEASE = "audit-retention-sweep";
    /** Rows per delete, so one sweep never holds the database for long (SQLite has one writer). */
    static final int BATCH = 1_000;

    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 1_000;

    private final DomainContext ctx;

    public AuditService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /**
     * ListAuditEvents: the caller's tenant only (D85), whatever the filter asks; oldest first. The page token is bound
     * to the filter, so a token cannot be replayed against another one.
     */
    public Page<AuditEvent> list(Caller caller, AuditFilter wanted, Integer maxResults, String nextToken) {
        int size = Paging.size(maxResults, DEFAULT_PAGE, MAX_PAGE);
        if (wanted.since() != null && wanted.until() != null && !wanted.since().isBefore(wanted.until())) {
            throw DomainException.badRequest("StartTime must be before EndTime.");
        }
        AuditFilter filter = new AuditFilter(
                caller.tenantId(),
                wanted.accountId(),
                wanted.roomId(),
                wanted.memberId(),
                wanted.actor(),
                wanted.since(),
                wanted.until());
        // spelled out, not hashed: the same on every server and JDK
        String scope = String.join(
                "\u0000",
                "audit",
                filter.tenantId(),
                String.valueOf(filter.accountId()),
                String.valueOf(filter.roomId()),
                String.valueOf(filter.memberId()),
                String.valueOf(filter.actor()),
                String.valueOf(filter.since()),
                String.valueOf(filter.until()));
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store().read(tx -> {
            var rows = tx.audit().events(filter, after, size + 1);
            return Paging.page(rows, size, ctx.tokens(), scope, e -> e.at().toEpochMilli(), AuditEvent::eventId);
        });
    }

    /** What one sweep did: whether this server held the lease, and how many events it deleted. */
    public record Sweep(boolean ran, long deleted) {}

    /** Deletes events older than {@code keep}, when this server holds the sweep's lease (as D77's sweep does). */
    public Sweep sweep(Duration keep, String holder, Duration leaseFor) {
        Instant now = ctx.now();
        boolean mine = ctx.store().write(tx -> tx.messages().claimLease(LEASE, holder, now, now.plus(leaseFor)));
        if (!mine) {
            return new Sweep(false, 0);
        }
        Instant before = now.minus(keep);
        long deleted = 0;
        int n;
        do {
            n = ctx.store().write(tx -> tx.audit().deleteBefore(before, BATCH));
            deleted += n;
        } while (n == BATCH);
        return new Sweep(true, deleted);
    }
}
