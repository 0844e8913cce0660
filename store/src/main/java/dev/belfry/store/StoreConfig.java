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
 * @param walLimitBytes SQLite: the size the write-ahead log is kept under, however long writers keep writing
 */
public record StoreConfig(
        String jdbcUrl,
        Path dataDir,
        int poolSize,
        String username,
        String password,
        Duration connectTimeout,
        long walLimitBytes) {

    public static final String SQLITE_FILE = "belfry.db";

    /** 64 MiB: a few seconds of the heaviest load this machine class takes, and small beside any disk. */
    public static final long DEFAULT_WAL_LIMIT_BYTES = 64L << 20;

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
        if (walLimitBytes < 1L << 20) {
            throw new StoreException("the WAL size limit must be at least 1 MiB, was " + walLimitBytes + " bytes");
        }
    }

    /** SQLite in {@code <dataDir>/belfry.db}, the zero-set-up default. */
    public static StoreConfig sqlite(Path dataDir) {
        return new StoreConfig(null, dataDir, 4, null, null, null, DEFAULT_WAL_LIMIT_BYTES);
    }

    /** Any supported JDBC URL ({@code jdbc:postgresql://…} or {@code jdbc:sqlite:…}). */
    public static StoreConfig jdbc(String jdbcUrl) {
        return new StoreConfig(jdbcUrl, null, 10, null, null, null, DEFAULT_WAL_LIMIT_BYTES);
    }

    public StoreConfig withPoolSize(int size) {
        return new StoreConfig(jdbcUrl, dataDir, size, username, password, connectTimeout, walLimitBytes);
    }

    public StoreConfig withCredentials(String user, String pass) {
        return new StoreConfig(jdbcUrl, dataDir, poolSize, user, pass, connectTimeout, walLimitBytes);
    }

    public StoreConfig withConnectTimeout(Duration timeout) {
        return new StoreConfig(jdbcUrl, dataDir, poolSize, username, password, timeout, walLimitBytes);
    }

    public StoreConfig withWalLimitBytes(long bytes) {
        return new StoreConfig(jdbcUrl, dataDir, poolSize, username, password, connectTimeout, bytes);
    }

    /** The JDBC URL this config resolves to. */
    public String resolvedUrl() {
        return jdbcUrl != null
                ? jdbcUrl
                : "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    }
}
