package dev.belfry.rooms;

import java.time.Duration;
import java.time.Instant;

/**
 * Enforces the accounts' room retention (D76, D77): messages older than an account's RoomRetentionSettings are
 * deleted for good once the 30-day grace period after the last PutRetentionSettings has passed. Every server runs
 * {@link #sweep} on a timer; a lease in the database lets one of them do the work at a time.
 */
public final class RetentionService {
    static final String LEASE = "retention-sweep";
    /** Rows per delete, so one sweep never holds the database for long (SQLite has one writer). */
    static final int BATCH = 1_000;

    private final DomainContext ctx;

    public RetentionService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /** What one sweep did: whether this server held the lease, and how many messages it deleted. */
    public record Sweep(boolean ran, long deleted) {}

    /**
     * One sweep by {@code holder} (a name unique to this server), which keeps the lease for {@code leaseFor}: until
     * then, other servers' sweeps do nothing; after it, whichever sweeps first takes over.
     */
    public Sweep sweep(String holder, Duration leaseFor) {
        Instant now = ctx.now();
        boolean mine = ctx.store().write(tx -> tx.messages().claimLease(LEASE, holder, now, now.plus(leaseFor)));
        if (!mine) {
            return new Sweep(false, 0);
        }
        long deleted = 0;
        for (MessageTransaction.AccountRetention account :
                ctx.store().read(tx -> tx.messages().roomRetentions())) {
            RetentionSettings settings = account.settings();
            Instant starts = settings.initiateDeletionAt();
            if (settings.roomDays() == null || starts == null || now.isBefore(starts)) {
                continue; // still in the grace period: the messages are hidden, not gone
            }
            Instant before = now.minus(Duration.ofDays(settings.roomDays()));
            int n;
            do {
                n = ctx.store().write(tx -> tx.messages().deleteMessagesBefore(account.accountId(), before, BATCH));
                deleted += n;
            } while (n == BATCH);
        }
        if (deleted > 0) {
            ctx.store().scrubDeletedContent();
        }
        return new Sweep(true, deleted);
    }
}
