package dev.belfry.it.support;

import dev.belfry.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh, isolated databases for tests. PostgreSQL is at BELFRY_TEST_PG (default
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres); each call makes its own schema.
 */
public final class Databases {
    public static final String PG_BASE =
            System.getenv().getOrDefault("BELFRY_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private Databases() {}

    public static StoreConfig freshSqlite() throws Exception {
        return StoreConfig.sqlite(Files.createTempDirectory("belfry-it"));
    }

    /** A new empty schema; its JDBC URL selects it. */
    public static String freshPostgresUrl() throws SQLException {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_BASE);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return PG_BASE + (PG_BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static StoreConfig freshPostgres() throws SQLException {
        return StoreConfig.jdbc(freshPostgresUrl());
    }

    /** The database the end-to-end suites run on: BELFRY_IT_DB=postgres selects PostgreSQL, else SQLite. */
    public static StoreConfig forSuite() throws Exception {
        return "postgres".equalsIgnoreCase(System.getenv("BELFRY_IT_DB")) ? freshPostgres() : freshSqlite();
    }

    public static Path tempDir(String prefix) throws Exception {
        return Files.createTempDirectory(prefix);
    }
}
