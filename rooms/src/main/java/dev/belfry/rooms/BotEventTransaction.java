package dev.belfry.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of a transaction that holds the bot events outbox (issue 15, schema V8), reached through {@link
 * StoreTransaction#botEvents()}.
 */
public interface BotEventTransaction {
    /** The bots that are members of the room, in member-id order. */
    List<Bot> botsInRoom(String roomId);

    /**
     * Adds the events, each after the bot's earlier events in its room (their seq). The caller holds the room's lock,
     * so one room's events are numbered in the order their changes commit (D104).
     */
    void insertEvents(List<BotEvent> events);

    Optional<BotEvent> event(String eventId);

    /**
     * Claims up to {@code limit} pending events due at {@code now} for {@code holder} until {@code claimUntil}: only
     * the first pending event of each bot and room (an event waits while an earlier one is pending, D104), and none
     * another holder's unexpired claim covers. On PostgreSQL rows other servers are claiming are skipped, not waited
     * for (FOR UPDATE SKIP LOCKED, D106).
     */
    List<BotEvent> claimDue(String holder, Instant now, Instant claimUntil, int limit);

    /**
     * Records an attempt's outcome and releases the claim, if {@code holder} still holds it: false when the claim
     * expired and another server took the event over (that server's outcome stands).
     */
    boolean recordAttempt(String eventId, String holder, BotEvent.Delivery delivery);

    /** One bot's events, newest first, optionally of one status, strictly after {@code after}. */
    List<BotEvent> events(String accountId, String botId, BotEvent.Status status, Cursor after, int limit);

    /** Makes a delivered or dead event pending again, due at {@code at}; false when it was pending already. */
    boolean requeue(String eventId, Instant at);

    /**
     * Deletes up to {@code limit} events of this status (delivered or dead) that finished before {@code before}
     * (D96), but not an Invite whose Persistent reply URL still works (its bot is in the room and was not invited
     * there again since, D109); returns how many it deleted.
     */
    int deleteFinished(BotEvent.Status status, Instant before, int limit);

    /**
     * Forgets the copy of a redacted message that its Mentions carry (D75 covers them too): their text is removed,
     * and those not delivered yet go dead with {@code reason}, finished at {@code at}, so the text is never sent.
     * A Mention is written in its message's transaction with the message's room, time and text, which identify it.
     * Returns how many events it changed.
     */
    int forgetMentionText(String roomId, Instant messageCreatedAt, String text, Instant at, String reason);
}
