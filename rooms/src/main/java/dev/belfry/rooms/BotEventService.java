package dev.belfry.rooms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot events outbox's two sides (issue 15): the delivery worker's (claim what is due, record each attempt) and
 * the operator's (list a bot's deliveries, redeliver one). The events themselves are written by the changes that
 * cause them ({@link BotEventOutbox}).
 */
public final class BotEventService {
    static final String LEASE = "bot-events-sweep";
    /** Rows per delete, so one sweep never holds the database for long (SQLite has one writer). */
    static final int BATCH = 1_000;

    private final DomainContext ctx;
    private final byte[] replyKey;

    BotEventService(DomainContext ctx) {
        this.ctx = ctx;
        // shared by every server on the database, so a reply URL one server sent is accepted by all
        this.replyKey = ctx.store().sharedSecret("bot-reply-key");
    }

    /**
     * The token of the event's InboundHttpsEndpoint URL (D109), or null for a Remove (it has none): derived from the
     * event id with a key of the installation, so nothing secret is stored and every attempt sends the same URL. 54
     * bytes of HMAC-SHA512 as 72 characters of unpadded base64url, the length and alphabet of a webhook's token (D71).
     */
    public String replyToken(BotEvent event) {
        if (event.type() == BotEvent.Type.Remove) {
            return null;
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
            mac.init(new javax.crypto.spec.SecretKeySpec(replyKey, "HmacSHA512"));
            byte[] full =
                    mac.doFinal(("bot-reply|" + event.eventId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(java.util.Arrays.copyOf(full, WebhookToken.BYTES));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is part of every JDK", e);
        }
    }

    /**
     * An event to send now, with what sending needs as it is at this moment: the bot (its current SecurityToken signs
     * the request, D107) and its events configuration (null: deleted since, the event cannot be sent).
     */
    public record Due(BotEvent event, Bot bot, EventsConfiguration configuration) {}

    /**
     * Calls {@code listener} after each commit of this server that queued events (D95): the delivery worker's wake-up,
     * so a new event is sent at once rather than at the next poll.
     */
    public void onQueued(Runnable listener) {
        ctx.store().onBotEventsQueued(listener);
    }

    /** Claims up to {@code limit} due events for {@code holder} for {@code claimFor} (D106). */
    public List<Due> claim(String holder, Duration claimFor, int limit) {
        Instant now = ctx.now();
        return ctx.store().write(tx -> {
            List<Due> out = new ArrayList<>();
            for (BotEvent e : tx.botEvents().claimDue(holder, now, now.plus(claimFor), limit)) {
                Bot bot = tx.bot(e.accountId(), e.botId()).orElse(null);
                EventsConfiguration config =
                        bot == null ? null : tx.eventsConfiguration(e.botId()).orElse(null);
                out.add(new Due(e, bot, config));
            }
            return out;
        });
    }

    /** Stores an attempt's outcome; false when this holder's claim had lapsed and another server owns the event. */
    public boolean record(String eventId, String holder, BotEvent.Delivery delivery) {
        return ctx.store().write(tx -> tx.botEvents().recordAttempt(eventId, holder, delivery));
    }

    /** An attempt's outcome for {@link #recordAll}. */
    public record Attempt(String eventId, BotEvent.Delivery delivery) {}

    /**
     * Stores several attempts' outcomes in one transaction (the delivery worker's batches, D95); for each, whether it
     * was stored (false: this holder's claim had lapsed).
     */
    public List<Boolean> recordAll(String holder, List<Attempt> attempts) {
        return ctx.store().write(tx -> {
            List<Boolean> out = new ArrayList<>(attempts.size());
            for (Attempt a : attempts) {
                out.add(tx.botEvents().recordAttempt(a.eventId(), holder, a.delivery()));
            }
            return out;
        });
    }

    /** A bot's events, newest first (belfry admin list-bot-deliveries). */
    public Page<BotEvent> list(
            Caller caller,
            String accountId,
            String botId,
            BotEvent.Status status,
            Integer maxResults,
            String nextToken) {
        int size = Paging.size(maxResults, 50, 100);
        String scope = "bot-events:" + botId + ":" + status;
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store().read(tx -> {
            AccountGuard.owned(tx, caller, accountId);
            tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
            List<BotEvent> rows = tx.botEvents().events(accountId, botId, status, after, size + 1);
            return Paging.page(
                    rows, size, ctx.tokens(), scope, e -> e.createdAt().toEpochMilli(), BotEvent::eventId);
        });
    }

    /** Sends a delivered or dead event again, now (belfry admin redeliver); a pending one is refused (409-style). */
    public BotEvent redeliver(Caller caller, String accountId, String botId, String eventId) {
        return ctx.store().write(tx -> {
            AccountGuard.owned(tx, caller, accountId);
            tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
            BotEvent event = tx.botEvents()
                    .event(eventId)
                    .filter(e -> e.accountId().equals(accountId) && e.botId().equals(botId))
                    .orElseThrow(() -> DomainException.notFound("bot event", eventId));
            if (event.type() == BotEvent.Type.Mention && event.message() == null) {
                throw DomainException.badRequest("The event " + eventId
                        + " is a Mention of a message that was redacted; it has no text to send.");
            }
            if (!tx.botEvents().requeue(eventId, ctx.now())) {
                throw DomainException.conflict("The event " + eventId + " is still pending; it will be delivered.");
            }
            return tx.botEvents().event(eventId).orElse(event);
        });
    }

    /** What one sweep did: whether this server held the lease, and how many delivered and dead events it deleted. */
    public record Sweep(boolean ran, long delivered, long dead) {}

    /**
     * Deletes delivered events that finished more than {@code keepDelivered} ago and dead ones more than {@code
     * keepDead} ago, when this server holds the sweep's lease (D96; the lease as D77's). Pending events are never
     * deleted, and neither is an Invite whose Persistent reply URL still works (D109).
     */
    public Sweep sweep(Duration keepDelivered, Duration keepDead, String holder, Duration leaseFor) {
        Instant now = ctx.now();
        boolean mine = ctx.store().write(tx -> tx.messages().claimLease(LEASE, holder, now, now.plus(leaseFor)));
        if (!mine) {
            return new Sweep(false, 0, 0);
        }
        return new Sweep(
                true,
                deleteFinished(BotEvent.Status.delivered, now.minus(keepDelivered)),
                deleteFinished(BotEvent.Status.dead, now.minus(keepDead)));
    }

    private long deleteFinished(BotEvent.Status status, Instant before) {
        long deleted = 0;
        int n;
        do {
            n = ctx.store().write(tx -> tx.botEvents().deleteFinished(status, before, BATCH));
            deleted += n;
        } while (n == BATCH);
        return deleted;
    }
}
