package dev.belfry.store.internal;

import dev.belfry.rooms.Bot;
import dev.belfry.rooms.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bots of an account. */
final class BotQueries {
    static final String COLUMNS =
            "bot_id, account_id, display_name, disabled, created_at, updated_at, bot_email, security_token";

    private final Sql sql;

    BotQueries(Sql sql) {
        this.sql = sql;
    }

    void insert(Bot b) {
        sql.update(
                "INSERT INTO bots (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                b.botId(),
                b.accountId(),
                b.displayName(),
                b.disabled(),
                b.createdAt(),
                b.updatedAt(),
                b.botEmail(),
                b.securityToken());
    }

    void update(Bot b) {
        sql.update(
                "UPDATE bots SET display_name = ?, disabled = ?, updated_at = ?, bot_email = ?, security_token = ?"
                        + " WHERE bot_id = ?",
                b.displayName(),
                b.disabled(),
                b.updatedAt(),
                b.botEmail(),
                b.securityToken(),
                b.botId());
    }

    Optional<Bot> get(String accountId, String botId) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM bots WHERE account_id = ? AND bot_id = ?",
                BotQueries::map,
                accountId,
                botId);
    }

    List<Bot> list(String accountId, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(accountId));
        String where = " WHERE account_id = ?" + Sql.after("created_at", "bot_id", after, params);
        params.add(limit);
        return sql.list(
                "SELECT " + COLUMNS + " FROM bots" + where + " ORDER BY created_at, bot_id LIMIT ?",
                BotQueries::map,
                params);
    }

    long count(String accountId) {
        return sql.count("SELECT COUNT(*) FROM bots WHERE account_id = ?", List.of(accountId));
    }

    static Bot map(ResultSet rs) throws SQLException {
        return new Bot(
                rs.getString("bot_id"),
                rs.getString("account_id"),
                rs.getString("display_name"),
                rs.getBoolean("disabled"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"),
                rs.getString("bot_email"),
                rs.getString("security_token"));
    }
}
