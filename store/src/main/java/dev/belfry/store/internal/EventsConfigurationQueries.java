package dev.belfry.store.internal;

import dev.belfry.rooms.EventsConfiguration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Bots' events configurations (table bot_events_configurations), one row per bot at most. */
final class EventsConfigurationQueries {
    private static final String COLUMNS = "bot_id, account_id, https_endpoint, lambda_function_arn, updated_at";

    private final Sql sql;

    EventsConfigurationQueries(Sql sql) {
        this.sql = sql;
    }

    /** Insert or replace: ON CONFLICT … DO UPDATE is the same SQL on SQLite (3.24+) and PostgreSQL. */
    void put(EventsConfiguration c) {
        sql.update(
                "INSERT INTO bot_events_configurations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (bot_id) DO UPDATE SET https_endpoint = excluded.https_endpoint,"
                        + " lambda_function_arn = excluded.lambda_function_arn, updated_at = excluded.updated_at",
                c.botId(),
                c.accountId(),
                c.httpsEndpoint(),
                c.lambdaFunctionArn(),
                c.updatedAt());
    }

    Optional<EventsConfiguration> get(String botId) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM bot_events_configurations WHERE bot_id = ?",
                EventsConfigurationQueries::map,
                botId);
    }

    void delete(String botId) {
        sql.update("DELETE FROM bot_events_configurations WHERE bot_id = ?", botId);
    }

    private static EventsConfiguration map(ResultSet rs) throws SQLException {
        return new EventsConfiguration(
                rs.getString("bot_id"),
                rs.getString("account_id"),
                rs.getString("https_endpoint"),
                rs.getString("lambda_function_arn"),
                Rows.instant(rs, "updated_at"));
    }
}
