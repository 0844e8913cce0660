package dev.belfry.store.internal;

import dev.belfry.rooms.Bot;
import dev.belfry.rooms.BotEvent;
import dev.belfry.rooms.BotEventTransaction;
import dev.belfry.rooms.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bot events outbox (table bot_events, schema V8, D100-D106). */
final class BotEventQueries implements BotEventTransaction {
    private static final String COLUMNS = "event_id, account_id, bot_id, room_id, seq, event_type, sender_id, message,"
            + " created_at, status, attempts, next_attempt_at, last_error, finished_at";
    /** What is read: the inserted columns and when the retry horizon starts (V10, D125; NULL until a redelivery). */
    private static final String READ = COLUMNS + ", retry_from";

    private final Sql sql;
    private final Dialect dialect;
    /** Whether this transaction queued an event (inserted one, or made one pending again): see {@link #queued()}. */
    private boolean queued;

    BotEventQueries(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    @Override
    public List<Bot> botsInRoom(String roomId) {
        return sql.list(
                "SELECT " + prefixed("b.", BotQueries.COLUMNS) + " FROM memberships m JOIN bots b ON b.bot_id ="
                        + " m.member_id WHERE m.room_id = ? AND m.member_type = 'Bot' ORDER BY b.bot_id",
                BotQueries::map,
                roomId);
    }

    @Override
    public void insertEvents(List<BotEvent> events) {
        // the next seq of each bot in each room: the caller holds the room's lock, so no one else numbers them now
        Map<String, Long> next = new HashMap<>();
        List<Sql.Update> inserts = new ArrayList<>(events.size());
        for (BotEvent e : events) {
            String key = e.botId() + '\n' + e.roomId();
            long seq = next.computeIfAbsent(
                    key,
                    k -> sql.count(
                            "SELECT COALESCE(MAX(seq), 0) FROM bot_events WHERE bot_id = ? AND room_id = ?",
                            List.of(e.botId(), e.roomId())));
            next.put(key, ++seq);
            BotEvent.Delivery d = e.delivery();
            List<Object> params = new ArrayList<>();
            params.add(e.eventId());
            params.add(e.accountId());
            params.add(e.botId());
            params.add(e.roomId());
            params.add(seq);
            params.add(e.type().name());
            params.add(e.senderId());
            params.add(e.message());
            params.add(e.createdAt().toEpochMilli());
            params.add(d.status().name());
            params.add(d.attempts());
            params.add(d.nextAttemptAt().toEpochMilli());
            params.add(d.lastError());
            params.add(Rows.millis(d.finishedAt()));
            inserts.add(new Sql.Update(
                    "INSERT INTO bot_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    params));
        }
        sql.updates(inserts);
        queued |= !inserts.isEmpty();
    }

    /** True once this transaction has queued an event; the store then wakes the delivery worker after the commit. */
    boolean queued() {
        return queued;
    }

    @Override
    public Optional<BotEvent> event(String eventId) {
        return sql.one("SELECT " + READ + " FROM bot_events WHERE event_id = ?", BotEventQueries::map, eventId);
    }

    @Override
    public List<BotEvent> claimDue(String holder, Instant now, Instant claimUntil, int limit) {
        long t = now.toEpochMilli();
        // the head of each bot's queue in each room: nothing earlier is still pending (delivered or dead events
        // no longer hold the ones after them back)
        List<BotEvent> due = sql.list(
                "SELECT " + READ + " FROM bot_events e WHERE e.status = 'pending' AND e.next_attempt_at <= ?"
                        + " AND (e.claim_expires IS NULL OR e.claim_expires <= ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM bot_events p WHERE p.bot_id = e.bot_id"
                        + " AND p.room_id = e.room_id AND p.status = 'pending' AND p.seq < e.seq)"
                        + " ORDER BY e.next_attempt_at, e.created_at, e.event_id LIMIT ?"
                        + dialect.forUpdateSkipLocked(),
                BotEventQueries::map,
                t,
                t,
                limit);
        List<Sql.Update> claims = new ArrayList<>(due.size());
        for (BotEvent e : due) {
            claims.add(new Sql.Update(
                    "UPDATE bot_events SET claimed_by = ?, claim_expires = ? WHERE event_id = ?",
                    List.of(holder, claimUntil.toEpochMilli(), e.eventId())));
        }
        if (!claims.isEmpty()) {
            sql.updates(claims);
        }
        return due;
    }

    @Override
    public boolean recordAttempt(String eventId, String holder, BotEvent.Delivery d) {
        return sql.update(
                        "UPDATE bot_events SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                                + " finished_at = ?, claimed_by = NULL, claim_expires = NULL"
                                + " WHERE event_id = ? AND claimed_by = ?",
                        d.status().name(),
                        d.attempts(),
                        d.nextAttemptAt().toEpochMilli(),
                        d.lastError(),
                        Rows.millis(d.finishedAt()),
                        eventId,
                        holder)
                > 0;
    }

    @Override
    public List<BotEvent> events(String accountId, String botId, BotEvent.Status status, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(accountId, botId));
        String where = " WHERE account_id = ? AND bot_id = ?";
        if (status != null) {
            where += " AND status = ?";
            params.add(status.name());
        }
        if (after != null) {
            where += " AND (created_at < ? OR (created_at = ? AND event_id < ?))";
            params.add(after.sortKey());
            params.add(after.sortKey());
            params.add(after.id());
        }
        params.add(limit);
        return sql.list(
                "SELECT " + READ + " FROM bot_events" + where + " ORDER BY created_at DESC, event_id DESC LIMIT ?",
                BotEventQueries::map,
                params);
    }

    @Override
    public boolean requeue(String eventId, Instant at) {
        boolean requeued = sql.update(
                        "UPDATE bot_events SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL,"
                                + " finished_at = NULL, claimed_by = NULL, claim_expires = NULL, retry_from = ?"
                                + " WHERE event_id = ? AND status <> 'pending'",
                        at.toEpochMilli(),
                        at.toEpochMilli(),
                        eventId)
                > 0;
        queued |= requeued;
        return requeued;
    }

    @Override
    public int deleteFinished(BotEvent.Status status, Instant before, int limit) {
        // a sub-select with LIMIT: DELETE … LIMIT is not portable
        return sql.update(
                "DELETE FROM bot_events WHERE event_id IN (SELECT e.event_id FROM bot_events e"
                        + " WHERE e.status = ? AND e.finished_at < ?"
                        + " AND NOT (e.event_type = 'Invite'"
                        + " AND EXISTS (SELECT 1 FROM memberships m WHERE m.room_id = e.room_id"
                        + " AND m.member_id = e.bot_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM bot_events l WHERE l.bot_id = e.bot_id"
                        + " AND l.room_id = e.room_id AND l.event_type = 'Invite' AND l.seq > e.seq))"
                        + " LIMIT ?)",
                status.name(),
                before.toEpochMilli(),
                limit);
    }

    @Override
    public int forgetMentionText(String roomId, Instant messageCreatedAt, String text, Instant at, String reason) {
        // every SET expression reads the row as it was, on both databases, so status is tested before it changes
        return sql.update(
                "UPDATE bot_events SET message = NULL,"
                        + " last_error = CASE WHEN status = 'pending' THEN ? ELSE last_error END,"
                        + " finished_at = CASE WHEN status = 'pending' THEN ? ELSE finished_at END,"
                        + " claimed_by = CASE WHEN status = 'pending' THEN NULL ELSE claimed_by END,"
                        + " claim_expires = CASE WHEN status = 'pending' THEN NULL ELSE claim_expires END,"
                        + " status = CASE WHEN status = 'pending' THEN 'dead' ELSE status END"
                        + " WHERE room_id = ? AND event_type = 'Mention' AND created_at = ? AND message = ?",
                reason,
                at.toEpochMilli(),
                roomId,
                messageCreatedAt.toEpochMilli(),
                text);
    }

    private static BotEvent map(ResultSet rs) throws SQLException {
        return new BotEvent(
                rs.getString("event_id"),
                rs.getString("account_id"),
                rs.getString("bot_id"),
                rs.getString("room_id"),
                rs.getLong("seq"),
                Rows.enumOf(BotEvent.Type.class, rs, "event_type"),
                rs.getString("sender_id"),
                rs.getString("message"),
                Rows.instant(rs, "created_at"),
                new BotEvent.Delivery(
                        Rows.enumOf(BotEvent.Status.class, rs, "status"),
                        rs.getInt("attempts"),
                        Rows.instant(rs, "next_attempt_at"),
                        rs.getString("last_error"),
                        Rows.instant(rs, "finished_at")),
                rs.getObject("retry_from") == null ? Rows.instant(rs, "created_at") : Rows.instant(rs, "retry_from"));
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
