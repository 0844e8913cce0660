package dev.belfry.rooms;

import dev.belfry.store.StoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The bot events outbox on PostgreSQL (127.0.0.1:5432/test, or BELFRY_TEST_PG): a schema of its own per
 * test, dropped after.
 */
final class BotEventsOnPostgresTest extends BotEventsContract {
    private static final String BASE =
            System.getenv().getOrDefault("BELFRY_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private String schema;

    @Override
    StoreConfig freshDatabase() {
        schema = "belfry_botev_" + UUID.randomUUID().toString().replace("-", "");
        exec("CREATE SCHEMA " + schema);
        return StoreConfig.jdbc(BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                .withPoolSize(4);
    }

    @AfterEach
    void dropSchema() {
        close();
        exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(BASE);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
