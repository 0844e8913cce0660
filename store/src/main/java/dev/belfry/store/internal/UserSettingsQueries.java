package dev.belfry.store.internal;

import dev.belfry.rooms.UserSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Schema V4's per-user rows: user_settings, and the PIN and sign-out columns of users. */
final class UserSettingsQueries {
    private final Sql sql;

    UserSettingsQueries(Sql sql) {
        this.sql = sql;
    }

    Optional<UserSettings> get(String userId) {
        return sql.one(
                "SELECT inbound_calling, outbound_calling, sms FROM user_settings WHERE user_id = ?",
                rs -> new UserSettings(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)),
                userId);
    }

    void put(String userId, UserSettings s) {
        sql.update(
                "INSERT INTO user_settings (user_id, inbound_calling, outbound_calling, sms) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (user_id) DO UPDATE SET inbound_calling = excluded.inbound_calling,"
                        + " outbound_calling = excluded.outbound_calling, sms = excluded.sms",
                userId,
                s.inboundCalling(),
                s.outboundCalling(),
                s.sms());
    }

    boolean pinTaken(String accountId, String pin) {
        return sql.count(
                        "SELECT COUNT(*) FROM users WHERE account_id = ? AND personal_pin = ?", List.of(accountId, pin))
                > 0;
    }

    void recordLogout(String userId, Instant at) {
        sql.update("UPDATE users SET logged_out_at = ? WHERE user_id = ?", at, userId);
    }

    Optional<Instant> lastLogout(String userId) {
        return sql.one(
                        "SELECT logged_out_at FROM users WHERE user_id = ?",
                        rs -> Optional.ofNullable(Rows.instant(rs, "logged_out_at")),
                        userId)
                .flatMap(o -> o);
    }
}
