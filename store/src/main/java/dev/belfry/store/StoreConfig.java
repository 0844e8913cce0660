package dev.belfry.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the database is and how to connect to it. Exactly one of {@code jdbcUrl} and {@code dataDir}
 * is set: a data directory means SQLite in {@code <dataDir>/belfry.db}; a URL may be
 * {@code jdbc:postgresql://…} or {@code jdbc:sqlite:…}.
 *
 * @param jdbcUrl JDBC URL, or null when {@code dataDir} is set
 * @param dataDir SQLite data directory (created if missing), or null when {@code jdbcUrl} is set
 * @param poolSize maximum pooled connections (PostgreSQL); SQLite uses it for readers only
 * @param username database user, or null to take it from the URL
 * @param password database password, or null to take it from the URL
 * @param connectTimeout how long to wait for the database before failing
 */
public record StoreConfig(
        String jdbcUrl, Path dataDir, int poolSize, String username, String password, Duration connectTimeout) {

    public static final String SQLITE_FILE = "belfry.db";

    public StoreConfig {
        if ((jdbcUrl == null) == (dataDir == null)) {
            throw new StoreException("give either a data directory or a JDBC URL, not both or neither");
        }
        if (poolSize < 1) {
            throw new StoreException("pool size must be at least 1, was " + poolSize);
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            connectTimeout = Duration.ofSeconds(10);
        }
    }

    /** SQLite in {@code <dataDir>/belfry.db}, the zero-set-up default. */
    public static StoreConfig sqlite(Path dataDir) {
        return new StoreConfig(null, dataDir, 4, null, null, null);
    }

    /** Any supported JDBC URL ({@code jdbc:postgresql://…} or {@code jdbc:sqlite:…}). */
    public static StoreConfig jdbc(String jdbcUrl) {
        return new StoreConfig(jdbcUrl, null, 10, null, null, null);
    }

    public StoreConfig withPoolSize(int size) {
        return new StoreConfig(jdbcUrl, dataDir, size, username, password, connectTimeout);
    }

    public StoreConfig withCredentials(String user, String pass) {
        return new StoreConfig(jdbcUrl, dataDir, poolSize, user, pass, connectTimeout);
    }

    public StoreConfig withConnectTimeout(Duration timeout) {
        return new StoreConfig(jdbcUrl, dataDir, poolSize, username, password, timeout);
    }

    /** The JDBC URL this config resolves to. */
    public String resolvedUrl() {
        return jdbcUrl != null
                ? jdbcUrl
                : "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    }
}
