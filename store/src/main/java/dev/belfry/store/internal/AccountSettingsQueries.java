package dev.belfry.store.internal;

import dev.belfry.rooms.AccountSettings;
import dev.belfry.rooms.GlobalSettings;
import dev.belfry.rooms.RetentionSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema V4's per-account and per-tenant settings: account_settings, signin_delegate_groups, global_settings and
 * retention_settings. Writes are upserts (INSERT … ON CONFLICT DO UPDATE, on both databases).
 */
final class AccountSettingsQueries {
    private final Sql sql;
    private final Dialect dialect;

    AccountSettingsQueries(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    Optional<AccountSettings> accountSettings(String accountId) {
        return sql.one(
                "SELECT disable_remote_control, enable_dial_out FROM account_settings WHERE account_id = ?",
                rs -> new AccountSettings(rs.getBoolean(1), rs.getBoolean(2)),
                accountId);
    }

    void putAccountSettings(String accountId, AccountSettings s) {
        sql.update(
                "INSERT INTO account_settings (account_id, disable_remote_control, enable_dial_out) VALUES (?, ?, ?)"
                        + " ON CONFLICT (account_id) DO UPDATE SET disable_remote_control ="
                        + " excluded.disable_remote_control, enable_dial_out = excluded.enable_dial_out",
                accountId,
                s.disableRemoteControl(),
                s.enableDialOut());
    }

    List<String> groups(String accountId) {
        return sql.list(
                "SELECT group_name FROM signin_delegate_groups WHERE account_id = ?"
                        + " ORDER BY associated_at, group_name",
                rs -> rs.getString(1),
                accountId);
    }

    Map<String, List<String>> groups(Collection<String> accountIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>(accountIds);
        sql.list(
                        "SELECT account_id, group_name FROM signin_delegate_groups WHERE account_id IN ("
                                + Sql.marks(accountIds.size()) + ") ORDER BY account_id, associated_at, group_name",
                        rs -> Map.entry(rs.getString(1), rs.getString(2)),
                        params)
                .forEach(e ->
                        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Names already there are skipped, so two servers associating the same name at once both succeed. */
    void addGroups(String accountId, List<String> names, Instant at) {
        // one millisecond apart and after every name already there, so association order survives the
        // (associated_at, group_name) sort even when two calls fall in the same millisecond
        long latest = sql.count(
                "SELECT COALESCE(MAX(associated_at), 0) FROM signin_delegate_groups WHERE account_id = ?",
                List.of(accountId));
        long t = Math.max(at.toEpochMilli(), latest + 1);
        for (String name : names) {
            sql.update(
                    "INSERT INTO signin_delegate_groups (account_id, group_name, associated_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (account_id, group_name) DO NOTHING",
                    accountId,
                    name,
                    t++);
        }
    }

    void removeGroups(String accountId, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(accountId));
        params.addAll(names);
        sql.update(
                "DELETE FROM signin_delegate_groups WHERE account_id = ? AND group_name IN (" + Sql.marks(names.size())
                        + ")",
                params);
    }

    Optional<GlobalSettings> global(String awsAccountId) {
        return sql.one(
                "SELECT business_calling_cdr_bucket, voice_connector_cdr_bucket FROM global_settings"
                        + " WHERE aws_account_id = ?",
                rs -> new GlobalSettings(rs.getString(1), rs.getString(2)),
                awsAccountId);
    }

    GlobalSettings lockGlobal(String awsAccountId) {
        sql.update(
                "INSERT INTO global_settings (aws_account_id) VALUES (?) ON CONFLICT (aws_account_id) DO NOTHING",
                awsAccountId);
        return sql.one(
                        "SELECT business_calling_cdr_bucket, voice_connector_cdr_bucket FROM global_settings"
                                + " WHERE aws_account_id = ?" + dialect.forUpdate(),
                        rs -> new GlobalSettings(rs.getString(1), rs.getString(2)),
                        awsAccountId)
                .orElseThrow();
    }

    void putGlobal(String awsAccountId, GlobalSettings g) {
        sql.update(
                "INSERT INTO global_settings (aws_account_id, business_calling_cdr_bucket, voice_connector_cdr_bucket)"
                        + " VALUES (?, ?, ?) ON CONFLICT (aws_account_id) DO UPDATE SET business_calling_cdr_bucket ="
                        + " excluded.business_calling_cdr_bucket, voice_connector_cdr_bucket ="
                        + " excluded.voice_connector_cdr_bucket",
                awsAccountId,
                g.businessCallingCdrBucket(),
                g.voiceConnectorCdrBucket());
    }

    Optional<RetentionSettings> retention(String accountId) {
        return sql.one(
                "SELECT room_days, conversation_days, set_at FROM retention_settings WHERE account_id = ?",
                AccountSettingsQueries::retention,
                accountId);
    }

    void putRetention(String accountId, RetentionSettings r) {
        sql.update(
                "INSERT INTO retention_settings (account_id, room_days, conversation_days, set_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (account_id) DO UPDATE SET room_days = excluded.room_days,"
                        + " conversation_days = excluded.conversation_days, set_at = excluded.set_at",
                accountId,
                r.roomDays(),
                r.conversationDays(),
                r.setAt());
    }

    /** The account's V4 rows, before the account itself goes (AccountQueries.delete), cascade or not. */
    void deleteAccount(String accountId) {
        sql.update(
                "DELETE FROM user_settings WHERE user_id IN (SELECT user_id FROM users WHERE account_id = ?)",
                accountId);
        sql.update("DELETE FROM account_settings WHERE account_id = ?", accountId);
        sql.update("DELETE FROM signin_delegate_groups WHERE account_id = ?", accountId);
        sql.update("DELETE FROM retention_settings WHERE account_id = ?", accountId);
    }

    private static RetentionSettings retention(ResultSet rs) throws SQLException {
        int room = rs.getInt(1);
        Integer roomDays = rs.wasNull() ? null : room;
        int conversation = rs.getInt(2);
        Integer conversationDays = rs.wasNull() ? null : conversation;
        return new RetentionSettings(roomDays, conversationDays, Instant.ofEpochMilli(rs.getLong(3)));
    }
}
