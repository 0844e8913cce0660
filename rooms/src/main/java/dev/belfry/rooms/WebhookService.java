package dev.belfry.rooms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rooms' incoming webhooks (issue 14, D70–D74). Chime made them only in its chat client, so the operations that
 * manage them are Belfry's: the caller's tenant must own the Enterprise account, as for every room operation. A post
 * has no caller: the webhook id and token of its URL are the credential.
 */
public final class WebhookService {
    /** Webhook ids are lowercase UUIDs, as Chime's were; anything else in the URL is a malformed URL (403). */
    private static final Pattern WEBHOOK_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final DomainContext ctx;
    private final Duration postInterval;

    /** @param postInterval the least time between two accepted posts to one webhook (D73); zero: no pacing */
    public WebhookService(DomainContext ctx, Duration postInterval) {
        this.ctx = ctx;
        this.postInterval = postInterval;
    }

    /** Creates a webhook in the room: at most {@link Webhook#PER_ROOM} per room, and it takes a member's place. */
    public Webhook.WithToken create(Caller caller, String accountId, String roomId, String name) {
        Text.requireName("Name", name, Webhook.MAX_NAME);
        String token = WebhookToken.generate();
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            Room room = tx.lockRoom(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            if (tx.messages().webhooks(roomId).size() >= Webhook.PER_ROOM) {
                throw DomainException.limitExceeded(
                        "The room " + roomId + " already has the maximum of " + Webhook.PER_ROOM + " webhooks.");
            }
            if (tx.countMemberships(roomId) >= ctx.limits().membersPerRoom()) {
                throw DomainException.limitExceeded("The room " + roomId + " already has the maximum of "
                        + ctx.limits().membersPerRoom() + " members; a webhook is one of them.");
            }
            Webhook webhook = new Webhook(
                    Ids.newId(),
                    caller.tenantId(),
                    room.accountId(),
                    roomId,
                    name,
                    WebhookToken.sha256(token),
                    caller.principalArn(),
                    ctx.now(),
                    null);
            tx.messages().insertWebhook(webhook);
            // the webhook's roster entry is a membership change like any other (D72, D83)
            new AuditTrail(tx, caller, "CreateWebhook", webhook.createdAt())
                    .changed(
                            room.accountId(),
                            roomId,
                            new Member(
                                    webhook.webhookId(), Enums.MemberType.Webhook, null, name, room.accountId(), null),
                            null,
                            Enums.Role.Member)
                    .write();
            return new Webhook.WithToken(webhook, token);
        });
    }

    public List<Webhook> list(Caller caller, String accountId, String roomId) {
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.room(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            return tx.messages().webhooks(roomId);
        });
    }

    /** A new token for the webhook: its old URL answers 404 from the moment this commits (Administration Guide). */
    public Webhook.WithToken regenerate(Caller caller, String accountId, String roomId, String webhookId) {
        String token = WebhookToken.generate();
        return ctx.store().write(tx -> {
            Webhook webhook = ownWebhook(tx, caller, accountId, roomId, webhookId);
            Webhook renewed = webhook.withToken(WebhookToken.sha256(token));
            tx.messages().updateWebhook(renewed);
            return new Webhook.WithToken(renewed, token);
        });
    }

    /** Deletes the webhook and its place in the room; its messages stay, under its name (D72). */
    public void delete(Caller caller, String accountId, String roomId, String webhookId) {
        ctx.store().write(tx -> {
            Webhook webhook = ownWebhook(tx, caller, accountId, roomId, webhookId);
            tx.messages().deleteWebhook(roomId, webhookId);
            new AuditTrail(tx, caller, "DeleteWebhook", ctx.now())
                    .changed(
                            accountId,
                            roomId,
                            new Member(webhookId, Enums.MemberType.Webhook, null, webhook.name(), accountId, null),
                            Enums.Role.Member,
                            null)
                    .write();
            return null;
        });
    }

    private static Webhook ownWebhook(
            StoreTransaction tx, Caller caller, String accountId, String roomId, String webhookId) {
        AccountGuard.enterprise(tx, caller, accountId);
        tx.lockRoom(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
        return tx.messages()
                .webhook(webhookId)
                .filter(w -> w.roomId().equals(roomId))
                .orElseThrow(() -> DomainException.notFound("webhook", webhookId));
    }

    /**
     * A post to the webhook's URL (D73, D74). The checks run in the order a caller can act on them: the URL (403,
     * 404), the token (403), the account, the body (400, 413), and last the pace (429), so a post that could never
     * succeed is told why rather than to wait. Only an accepted post counts against the pace.
     *
     * @param content the body's Content string, or null when the body has none (not JSON, not an object, missing,
     *     not a string)
     */
    public WebhookPost post(String webhookId, String token, String content) {
        if (webhookId == null || !WEBHOOK_ID.matcher(webhookId).matches() || token == null || token.isEmpty()) {
            return new WebhookPost.Refused(
                    WebhookPost.Reason.MALFORMED_URL,
                    "The webhook URL is not valid: it must be /incomingwebhooks/<webhook id>?token=<token>.");
        }
        return ctx.store().write(tx -> {
            Webhook webhook = tx.messages().lockWebhook(webhookId).orElse(null);
            if (webhook == null) {
                // a bot's InboundHttpsEndpoint has the same URL shape, with its event's id (D109)
                return botReply(tx, webhookId, token, content);
            }
            if (!WebhookToken.matches(token, webhook.tokenSha256())) {
                return new WebhookPost.Refused(
                        WebhookPost.Reason.WRONG_TOKEN, "The token is not valid for this webhook.");
            }
            Account account =
                    tx.account(webhook.tenantId(), webhook.accountId()).orElse(null);
            if (account == null) {
                return new WebhookPost.Refused(
                        WebhookPost.Reason.UNKNOWN_WEBHOOK, "The webhook " + webhookId + " does not exist.");
            }
            if (account.status() == Enums.AccountStatus.Suspended) {
                return new WebhookPost.Refused(
                        WebhookPost.Reason.ACCOUNT_SUSPENDED,
                        "The Chime account " + account.accountId() + " is suspended.");
            }
            WebhookPost.Refused problem = MessageContent.problem(content, tx.countMemberships(webhook.roomId()));
            if (problem != null) {
                return problem;
            }
            Instant now = ctx.now();
            if (webhook.lastPostAt() != null
                    && now.isBefore(webhook.lastPostAt().plus(postInterval))) {
                return new WebhookPost.Refused(
                        WebhookPost.Reason.THROTTLED,
                        "Rate exceeded: a webhook takes one message per " + describe(postInterval) + ".");
            }
            Message message = new Message(
                    Ids.newId(),
                    webhook.accountId(),
                    webhook.roomId(),
                    new Message.Sender(webhookId, Enums.MemberType.Webhook, webhook.name()),
                    content,
                    now,
                    null);
            tx.messages().insertMessage(message);
            tx.messages().updateWebhook(webhook.postedAt(now));
            if (content.indexOf('@') >= 0) {
                // the room's lock orders the Mention with the bot's Invite and Remove (D104)
                tx.lockRoom(webhook.accountId(), webhook.roomId());
                BotEventOutbox.mentioned(ctx, tx, message);
            }
            return new WebhookPost.Accepted(message);
        });
    }

    /** How long a Mention's ShortLived URL works after the event was delivered (Administration Guide, events-bots). */
    static final Duration SHORT_LIVED = Duration.ofMinutes(2);

    private volatile BotEventService botEvents;

    /** The reply URLs' tokens come from the bot events (set once by {@link RoomsDomain}). */
    void botEvents(BotEventService events) {
        this.botEvents = events;
    }

    /**
     * A bot's reply to its event's InboundHttpsEndpoint (D109): posted into the room as the bot, with the webhook
     * contract's answers. A Persistent URL (Invite) works while the bot is in the room from that Invite on (a later
     * re-add makes a new URL); a ShortLived one (Mention) for {@link #SHORT_LIVED} after the event was delivered (or
     * queued, while it is not yet). Gone or expired, it is an unknown webhook (404), like a deleted one.
     */
    private WebhookPost botReply(StoreTransaction tx, String eventId, String token, String content) {
        WebhookPost.Refused unknown = new WebhookPost.Refused(
                WebhookPost.Reason.UNKNOWN_WEBHOOK, "The webhook " + eventId + " does not exist.");
        BotEvent event = tx.botEvents().event(eventId).orElse(null);
        BotEventService events = botEvents;
        if (event == null || events == null || event.type() == BotEvent.Type.Remove) {
            return unknown;
        }
        if (!java.security.MessageDigest.isEqual(
                events.replyToken(event).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return new WebhookPost.Refused(WebhookPost.Reason.WRONG_TOKEN, "The token is not valid for this URL.");
        }
        Instant now = ctx.now();
        Membership member =
                tx.memberships(event.roomId(), List.of(event.botId())).get(event.botId());
        if (member == null || member.member().type() != Enums.MemberType.Bot) {
            return unknown; // the bot left the room (or the room is gone): its URLs stop working
        }
        if (event.type() == BotEvent.Type.Invite && member.addedAt().isAfter(event.createdAt())) {
            return unknown; // removed and added again since: that later Invite carries the URL that works now
        }
        if (event.type() == BotEvent.Type.Mention) {
            Instant sent =
                    event.delivery().finishedAt() != null ? event.delivery().finishedAt() : event.createdAt();
            if (now.isAfter(sent.plus(SHORT_LIVED))) {
                return unknown;
            }
        }
        Bot bot = tx.bot(event.accountId(), event.botId()).orElse(null);
        Room room = tx.room(event.accountId(), event.roomId()).orElse(null);
        if (bot == null || room == null) {
            return unknown;
        }
        WebhookPost.Refused problem = MessageContent.problem(content, tx.countMemberships(event.roomId()));
        if (problem != null) {
            return problem;
        }
        Message message = new Message(
                Ids.newId(),
                event.accountId(),
                event.roomId(),
                new Message.Sender(bot.botId(), Enums.MemberType.Bot, bot.displayName()),
                content,
                now,
                null);
        tx.messages().insertMessage(message);
        if (content.indexOf('@') >= 0) {
            tx.lockRoom(event.accountId(), event.roomId());
            BotEventOutbox.mentioned(ctx, tx, message);
        }
        return new WebhookPost.Accepted(message);
    }

    private static String describe(Duration interval) {
        return interval.equals(Duration.ofSeconds(1)) ? "second" : interval.toMillis() + " ms";
    }
}
