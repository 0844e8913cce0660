package dev.belfry.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.belfry.rooms.RoomStore;
import dev.belfry.rooms.StoreTransaction;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.StoreException;
import dev.belfry.store.StoreReadiness;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The RoomStore over JDBC. SQLite gets two pools (one writer, several WAL readers); PostgreSQL one.
 * Public only so that the copier in the API package can reach the data sources.
 */
public final class JdbcRoomStore implements RoomStore {
    private final Dialect dialect;
    private final HikariDataSource writers;
    private final HikariDataSource readers; // same as writers on PostgreSQL
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    /** SQLite: writes of concurrent requests share transactions; PostgreSQL: null (writers run in parallel). */
    private final GroupCommit groups;
    /** SQLite: folds the write-ahead log into the database file off the request path; PostgreSQL: null. */
    private final WalCheckpointer checkpointer;

    private final PostgresVacuum vacuum; // PostgreSQL only
    /** PostgreSQL only: ANALYZE memberships once this many have been added since the last (D88). */
    private final PostgresVacuum analyze;

    static final long ANALYZE_AFTER = 5_000;
    private final java.util.concurrent.atomic.AtomicLong addedSinceAnalyze =
            new java.util.concurrent.atomic.AtomicLong();

    /** SQLite: notices the database file deleted or replaced under the server; PostgreSQL: null. */
    private final DatabaseFileGuard guard;

    /** SQLite in a data directory: this store's hold on it (D37); otherwise null. */
    private DataDirectoryLock lock;

    /** Called after a commit that queued bot events (D95). */
    private final java.util.List<Runnable> botEventListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Plain connections outside the pools, for the readiness probe. */
    private final DataSource probes;

    private JdbcRoomStore(
            Dialect dialect,
            HikariDataSource writers,
            HikariDataSource readers,
            WalCheckpointer checkpointer,
            DatabaseFileGuard guard,
            DataSource probes) {
        this.dialect = dialect;
        this.probes = probes;
        this.writers = writers;
        this.readers = readers;
        this.guard = guard;
        this.groups = dialect == Dialect.SQLITE
                ? new GroupCommit(writers, dialect, checkpointer, guard, this::botEventsQueued)
                : null;
        this.checkpointer = checkpointer;
        this.vacuum = dialect == Dialect.POSTGRES ? new PostgresVacuum(writers) : null;
        this.analyze = dialect == Dialect.POSTGRES ? new PostgresVacuum(writers, "ANALYZE memberships") : null;
    }

    public static JdbcRoomStore open(StoreConfig config) {
        String url = config.resolvedUrl();
        Dialect dialect = Dialect.of(url);
        if (dialect == Dialect.SQLITE && config.dataDir() != null && config.jdbcUrl() == null) {
            // before anything touches the directory's files: a second server must not even install the template
            DataDirectoryLock lock = DataDirectoryLock.acquire(Connect.createDataDirectory(config.dataDir()));
            try {
                JdbcRoomStore store = openSqlite(config, url, dialect);
                store.lock = lock;
                return store;
            } catch (RuntimeException | Error e) {
                lock.close();
                throw e;
            }
        }
        if (dialect == Dialect.SQLITE) {
            return openSqlite(config, url, dialect);
        }
        Connect.probePostgres(config);
        Migrations.migrate(flywaySource(config), dialect);
        try {
            HikariDataSource pool = Pools.postgres(config);
            return new JdbcRoomStore(dialect, pool, pool, null, null, probeSource(config));
        } catch (RuntimeException e) {
            throw new StoreException(
                    "cannot open PostgreSQL at " + Redact.target(url) + ": " + Connect.oneLine(e.getMessage()), e);
        }
    }

    private static JdbcRoomStore openSqlite(StoreConfig config, String url, Dialect dialect) {
        Connect.probeSqlite(config);
        // migrate before pooling: Flyway gets its own plain connection
        try {
            Migrations.migrate(Pools.sqlite(url, false), dialect);
        } catch (RuntimeException e) {
            if (SqlFailures.sqliteFileDamaged(e)) {
                throw Connect.damaged(sqliteFile(url), e);
            }
            throw e;
        }
        HikariDataSource w = Pools.sqliteWriters(url, config);
        try {
            return new JdbcRoomStore(
                    dialect,
                    w,
                    Pools.sqliteReaders(url, config),
                    new WalCheckpointer(Pools.sqlite(url, false), sqliteFile(url), config.walLimitBytes()),
                    new DatabaseFileGuard(sqliteFile(url)),
                    Pools.sqlite(url, false));
        } catch (RuntimeException e) {
            Pools.closeQuietly(w);
            throw new StoreException("cannot open the SQLite database: " + Connect.oneLine(e.getMessage()), e);
        }
    }

    /** The database file of a {@code jdbc:sqlite:} URL (query parameters aside). */
    private static java.nio.file.Path sqliteFile(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        return java.nio.file.Path.of(q < 0 ? path : path.substring(0, q)).toAbsolutePath();
    }

    /** A non-pooled source for Flyway, which wants connections of its own whatever the pool size. */
    private static DataSource flywaySource(StoreConfig config) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(config.resolvedUrl());
        if (config.username() != null) {
            ds.setUser(config.username());
        }
        if (config.password() != null) {
            ds.setPassword(config.password());
        }
        ds.setConnectTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        return ds;
    }

    /**
     * The probe's own connection gives up quickly: it must notice a PostgreSQL gone in well under the readiness
     * timeout, whatever the pool's connect timeout is (the probe also aborts a connection that overruns).
     */
    private static DataSource probeSource(StoreConfig config) {
        PGSimpleDataSource ds = (PGSimpleDataSource) flywaySource(config);
        ds.setConnectTimeout(1);
        ds.setLoginTimeout(2);
        ds.setSocketTimeout(5);
        ds.setApplicationName("belfry-readiness");
        return ds;
    }

    /** HikariCP's own metrics for each pool (SQLite: writer and readers; PostgreSQL: the one pool). */
    public void bindPoolMetrics(Object meterRegistry) {
        writers.setMetricRegistry(meterRegistry);
        if (readers != writers) {
            readers.setMetricRegistry(meterRegistry);
        }
    }

    /** A readiness check of this store's database on a connection and thread of its own (see ReadinessProbe). */
    public StoreReadiness readiness(java.time.Duration timeout) {
        return new ReadinessProbe(probes, guard, timeout);
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        if (guard != null) {
            guard.check();
        }
        return Retry.run(dialect, () -> inTransaction(readers, false, work));
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return Retry.run(dialect, () -> groups != null ? groups.write(work) : inTransaction(writers, true, work));
    }

    private <T> T inTransaction(DataSource ds, boolean write, Function<StoreTransaction, T> work) {
        try (Connection c = ds.getConnection()) {
            dialect.begin(c, write);
            try {
                JdbcTransaction tx = new JdbcTransaction(
                        new Sql(
                                c,
                                dialect == Dialect.SQLITE ? StatementCache.of(c) : null,
                                dialect == Dialect.POSTGRES),
                        dialect);
                T result = work.apply(tx);
                dialect.commit(c);
                added(tx.insertedMemberships());
                if (tx.queuedBotEvents()) {
                    botEventsQueued();
                }
                return result;
            } catch (RuntimeException | Error e) {
                dialect.rollbackAfter(c, e);
                throw e;
            } catch (SQLException e) {
                dialect.rollbackAfter(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    @Override
    public void onBotEventsQueued(Runnable listener) {
        botEventListeners.add(listener);
    }

    private void botEventsQueued() {
        for (Runnable listener : botEventListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // a listener's failure must not turn a committed write into an error: its poll finds the events
            }
        }
    }

    /** Counts committed membership adds and, on PostgreSQL, refreshes the table's statistics after a bulk of them. */
    private void added(int memberships) {
        if (analyze != null && memberships > 0 && addedSinceAnalyze.addAndGet(memberships) >= ANALYZE_AFTER) {
            addedSinceAnalyze.set(0);
            analyze.soon();
        }
    }

    /** SQLite overwrites freed space as it goes (secure_delete, {@link Pools}); only its log needs a reset. */
    @Override
    public void scrubDeletedContent() {
        if (checkpointer != null) {
            checkpointer.scrubSoon();
        }
        if (vacuum != null) {
            vacuum.soon();
        }
    }

    @Override
    public byte[] sharedSecret(String name) {
        return secrets.computeIfAbsent(
                        name, n -> write(tx -> ((JdbcTransaction) tx).settings().secret(n)))
                .clone();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Connections that may write (SQLite: the single writer). */
    public DataSource writeDataSource() {
        return writers;
    }

    public DataSource readDataSource() {
        return readers;
    }

    /** Runs {@code work} in one write transaction on a raw connection (the copier's batches). */
    public void writeRaw(SqlWork work) {
        writeRaw(work, false);
    }

    /**
     * {@link #writeRaw}, with SQLite's foreign-key enforcement off for the transaction when {@code noForeignKeys}:
     * whole-table deletes that take parents and children together then get SQLite's truncate optimisation (pages
     * dropped, rows never visited), which enforcement disables. The caller keeps the keys true itself.
     */
    public void writeRaw(SqlWork work, boolean noForeignKeys) {
        boolean toggle = noForeignKeys && dialect == Dialect.SQLITE;
        Retry.run(dialect, () -> {
            try (Connection c = writers.getConnection()) {
                if (toggle) { // a no-op inside a transaction, so before BEGIN and after COMMIT
                    pragma(c, "foreign_keys = OFF");
                }
                try {
                    dialect.begin(c, true);
                    try {
                        work.run(c);
                        dialect.commit(c);
                    } catch (SQLException | RuntimeException e) {
                        dialect.rollbackAfter(c, e);
                        throw e;
                    }
                } finally {
                    if (toggle) {
                        pragma(c, "foreign_keys = ON");
                    }
                }
                return null;
            } catch (SQLException e) {
                throw Sql.failure(e);
            }
        });
    }

    private static void pragma(Connection c, String setting) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA " + setting);
        }
    }

    /** A unit of work on a raw connection. */
    @FunctionalInterface
    public interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    @Override
    public void close() {
        try {
            if (analyze != null) {
                analyze.close();
            }
            if (vacuum != null) { // first: it runs on a pooled connection
                vacuum.close();
            }
            writers.close();
            readers.close();
            if (checkpointer != null) {
                checkpointer.close();
            }
        } finally {
            if (lock != null) { // last: the next server may open the directory only once this one let go of it
                lock.close();
            }
        }
    }
}
