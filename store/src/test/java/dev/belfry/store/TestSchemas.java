package dev.belfry.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Throwaway PostgreSQL schemas for the store's tests (127.0.0.1:5432/test, user postgres, trust auth; override with
 * BELFRY_TEST_PG). Each test creates its own and drops it after, so parallel runs never share tables.
 */
public final class TestSchemas {
    public static final String BASE =
            System.getenv().getOrDefault("BELFRY_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestSchemas() {}

    /** A new, unique schema name starting with {@code prefix}. */
    public static String newName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** Creates a schema and returns a URL whose connections use it. */
    public static String create(String schema) {
        exec("CREATE SCHEMA " + schema);
        return BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void drop(String schema) {
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
