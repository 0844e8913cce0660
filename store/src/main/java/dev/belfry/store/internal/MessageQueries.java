package dev.belfry.store.internal;

import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Message;
import dev.belfry.rooms.MessageTransaction;
import dev.belfry.rooms.RetentionSettings;
import dev.belfry.rooms.Webhook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjLongConsumer;

/**
 * Rooms' webhooks and messages (tables room_webhooks, room_messages, schema V7) and the job leases. A webhook's
 * roster entry is a row of memberships written and deleted here with it, keeping the room's member_count in step
 * (D72).
 */
final class MessageQueries implements MessageTransaction {
    private static final String WEBHOOK_COLUMNS =
            "webhook_id, tenant_id, account_id, room_id, name, token_sha256, created_by, created_at, last_post_at";
    private static final String MESSAGE_COLUMNS =
            "message_id, account_id, room_id, sender_id, sender_type, sender_name, content, created_at, redacted_at";

    private final Sql sql;
    private final Dialect dialect;
    private final ObjLongConsumer<String> roomCountChanged;

    /** @param roomCountChanged keeps the member counts the transaction cached with its room locks in step */
    MessageQueries(Sql sql, Dialect dialect, ObjLongConsumer<String> roomCountChanged) {
        this.sql = sql;
        this.dialect = dialect;
        this.roomCountChanged = roomCountChanged;
    }

    @Override
    public void insertWebhook(Webhook w) {
        sql.updates(List.of(
                new Sql.Update(
                        "INSERT INTO room_webhooks (" + WEBHOOK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        params(
                                w.webhookId(),
                                w.tenantId(),
                                w.accountId(),
                                w.roomId(),
                                w.name(),
                                w.tokenSha256(),
                                w.createdBy(),
                                w.createdAt().toEpochMilli(),
                                Rows.millis(w.lastPostAt()))),
                new Sql.Update(
                        "INSERT INTO memberships (room_id, member_id, member_type, role, invited_by, added_at,"
                                + " updated_at) VALUES (?, ?, 'Webhook', 'Member', ?, ?, ?)",
                        params(
                                w.roomId(),
                                w.webhookId(),
                                w.createdBy(),
                                w.createdAt().toEpochMilli(),
                                w.createdAt().toEpochMilli())),
                new Sql.Update(
                        "UPDATE rooms SET member_count = member_count + 1 WHERE room_id = ?", List.of(w.roomId()))));
        roomCountChanged.accept(w.roomId(), 1);
    }

    @Override
    public Optional<Webhook> webhook(String webhookId) {
        return sql.one(
                "SELECT " + WEBHOOK_COLUMNS + " FROM room_webhooks WHERE webhook_id = ?",
                MessageQueries::webhook,
                webhookId);
    }

    @Override
    public Optional<Webhook> lockWebhook(String webhookId) {
        return sql.one(
                "SELECT " + WEBHOOK_COLUMNS + " FROM room_webhooks WHERE webhook_id = ?" + dialect.forNoKeyUpdate(),
                MessageQueries::webhook,
                webhookId);
    }

    @Override
    public List<Webhook> webhooks(String roomId) {
        return sql.list(
                "SELECT " + WEBHOOK_COLUMNS + " FROM room_webhooks WHERE room_id = ? ORDER BY created_at, webhook_id",
                MessageQueries::webhook,
                roomId);
    }

    @Override
    public void updateWebhook(Webhook w) {
        sql.update(
                "UPDATE room_webhooks SET token_sha256 = ?, last_post_at = ? WHERE webhook_id = ?",
                w.tokenSha256(),
                Rows.millis(w.lastPostAt()),
                w.webhookId());
    }

    @Override
    public boolean deleteWebhook(String roomId, String webhookId) {
        if (sql.update("DELETE FROM room_webhooks WHERE webhook_id = ? AND room_id = ?", webhookId, roomId) == 0) {
            return false;
        }
        if (sql.update(
                        "DELETE FROM memberships WHERE room_id = ? AND member_id = ? AND member_type = 'Webhook'",
                        roomId,
                        webhookId)
                > 0) {
            sql.update("UPDATE rooms SET member_count = member_count - 1 WHERE room_id = ?", roomId);
            roomCountChanged.accept(roomId, -1);
        }
        return true;
    }

    @Override
    public void insertMessage(Message m) {
        sql.update(
                "INSERT INTO room_messages (" + MESSAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.messageId(),
                m.accountId(),
                m.roomId(),
                m.sender().memberId(),
                m.sender().type().name(),
                m.sender().fullName(),
                m.content(),
                m.createdAt().toEpochMilli(),
                Rows.millis(m.redactedAt()));
    }

    @Override
    public Optional<Message> message(String roomId, String messageId) {
        return sql.one(
                "SELECT " + MESSAGE_COLUMNS + " FROM room_messages WHERE message_id = ? AND room_id = ?",
                MessageQueries::message,
                messageId,
                roomId);
    }

    @Override
    public List<Message> messages(String roomId, Instant notBefore, boolean newestFirst, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(roomId));
        StringBuilder where = new StringBuilder(" WHERE room_id = ?");
        if (notBefore != null) {
            where.append(" AND created_at >= ?");
            params.add(notBefore.toEpochMilli());
        }
        if (after != null) {
            String op = newestFirst ? "<" : ">";
            where.append(" AND (created_at ")
                    .append(op)
                    .append(" ? OR (created_at = ? AND message_id ")
                    .append(op)
                    .append(" ?))");
            params.add(after.sortKey());
            params.add(after.sortKey());
            params.add(after.id());
        }
        String order = newestFirst ? " ORDER BY created_at DESC, message_id DESC" : " ORDER BY created_at, message_id";
        params.add(limit);
        return sql.list(
                "SELECT " + MESSAGE_COLUMNS + " FROM room_messages" + where + order + " LIMIT ?",
                MessageQueries::message,
                params);
    }

    @Override
    public boolean redactMessage(String messageId, Instant at) {
        return sql.update(
                        "UPDATE room_messages SET content = NULL, redacted_at = ? WHERE message_id = ?"
                                + " AND redacted_at IS NULL",
                        at.toEpochMilli(),
                        messageId)
                > 0;
    }

    @Override
    public int deleteMessagesBefore(String accountId, Instant before, int limit) {
        // a sub-select with LIMIT: DELETE … LIMIT is not portable
        return sql.update(
                "DELETE FROM room_messages WHERE message_id IN (SELECT message_id FROM room_messages"
                        + " WHERE account_id = ? AND created_at < ? LIMIT ?)",
                accountId,
                before.toEpochMilli(),
                limit);
    }

    @Override
    public List<AccountRetention> roomRetentions() {
        return sql.list(
                "SELECT account_id, room_days, conversation_days, set_at FROM retention_settings"
                        + " WHERE room_days IS NOT NULL ORDER BY account_id",
                rs -> new AccountRetention(
                        rs.getString("account_id"),
                        new RetentionSettings(
                                rs.getInt("room_days"),
                                nullableInt(rs, "conversation_days"),
                                Rows.instant(rs, "set_at"))));
    }

    @Override
    public boolean claimLease(String name, String holder, Instant now, Instant until) {
        // one statement, so two servers claiming at once cannot both win: the row is inserted, or updated only when
        // it is expired or already ours
        return sql.update(
                        "INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
                                + " expires_at = excluded.expires_at"
                                + " WHERE job_leases.expires_at <= ? OR job_leases.holder = excluded.holder",
                        name,
                        holder,
                        until.toEpochMilli(),
                        now.toEpochMilli())
                > 0;
    }

    private static List<Object> params(Object... values) {
        List<Object> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v);
        }
        return out;
    }

    private static Integer nullableInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(
                rs.getString("webhook_id"),
                rs.getString("tenant_id"),
                rs.getString("account_id"),
                rs.getString("room_id"),
                rs.getString("name"),
                rs.getString("token_sha256"),
                rs.getString("created_by"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_post_at"));
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(
                rs.getString("message_id"),
                rs.getString("account_id"),
                rs.getString("room_id"),
                new Message.Sender(
                        rs.getString("sender_id"),
                        MemberType.valueOf(rs.getString("sender_type")),
                        rs.getString("sender_name")),
                rs.getString("content"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "redacted_at"));
    }
}
