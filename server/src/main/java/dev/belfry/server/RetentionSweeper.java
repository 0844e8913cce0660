package dev.belfry.server;

import dev.belfry.rooms.AuditService;
import dev.belfry.rooms.BotEventService;
import dev.belfry.rooms.RetentionService;
import dev.belfry.server.bots.BotEventSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the retention sweep (D76, D77) on a timer of its own. Every server runs one; the lease it asks for lasts two
 * intervals, so the server holding it keeps it by sweeping on time, and another takes over once it has stopped. The
 * audit trail's sweep (D86), when the operator limits how long it is kept, runs on the same timer with a lease of its
 * own, and so does the sweep of delivered and dead bot events (D96).
 */
final class RetentionSweeper implements AutoCloseable {
    private final RetentionService retention;
    private final AuditService audit;
    private final Duration auditRetention;
    private final BotEventService botEvents; // may be null: no bot events sweep
    private final BotEventSettings botEventSettings;
    private final Duration interval;
    private final PrintStream errors;
    private final String holder = "belfry-" + UUID.randomUUID();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "belfry-retention");
        t.setDaemon(true);
        return t;
    });

    RetentionSweeper(RetentionService retention, Duration interval, PrintStream errors) {
        this(retention, null, null, null, null, interval, errors);
    }

    /** @param auditRetention how long audit events are kept; null: for ever (no audit sweep) */
    RetentionSweeper(
            RetentionService retention,
            AuditService audit,
            Duration auditRetention,
            BotEventService botEvents,
            BotEventSettings botEventSettings,
            Duration interval,
            PrintStream errors) {
        this.retention = retention;
        this.audit = audit;
        this.auditRetention = auditRetention;
        this.botEvents = botEvents;
        this.botEventSettings = botEventSettings;
        this.interval = interval;
        this.errors = errors;
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::sweep, Math.min(ms, 5_000), ms, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            RetentionService.Sweep sweep = retention.sweep(holder, interval.multipliedBy(2));
            if (sweep.deleted() > 0) {
                errors.println("belfry: retention deleted " + sweep.deleted() + " messages past their accounts'"
                        + " retention period");
            }
        } catch (RuntimeException e) {
            // the database may be away for a while: the next sweep tries again
            errors.println("belfry: the retention sweep failed, will retry: " + e.getMessage());
        }
        sweepBotEvents();
        if (auditRetention == null) {
            return;
        }
        try {
            AuditService.Sweep sweep = audit.sweep(auditRetention, holder, interval.multipliedBy(2));
            if (sweep.deleted() > 0) {
                errors.println("belfry: audit retention deleted " + sweep.deleted() + " audit events older than "
                        + auditRetention.toDays() + " days");
            }
        } catch (RuntimeException e) {
            errors.println("belfry: the audit retention sweep failed, will retry: " + e.getMessage());
        }
    }

    private void sweepBotEvents() {
        if (botEvents == null) {
            return;
        }
        try {
            BotEventService.Sweep sweep = botEvents.sweep(
                    botEventSettings.deliveredRetention(),
                    botEventSettings.deadRetention(),
                    holder,
                    interval.multipliedBy(2));
            if (sweep.delivered() + sweep.dead() > 0) {
                errors.println("belfry: bot event retention deleted " + sweep.delivered() + " delivered and "
                        + sweep.dead() + " dead events");
            }
        } catch (RuntimeException e) {
            errors.println("belfry: the bot event retention sweep failed, will retry: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
