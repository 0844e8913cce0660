package dev.belfry.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.belfry.store.StoreConfig;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/** Builds the connection pools. Connectivity is checked before by {@link Connect}, so pools start quietly. */
final class Pools {
    private Pools() {}

    static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;

    /**
     * A plain SQLite data source with Belfry's pragmas on every connection. It never creates the database file:
     * a connection opened after the file was deleted would otherwise make a new, empty database under the running
     * server. Only {@link #sqliteCreating} (the start-up probe) may create it.
     */
    static SQLiteDataSource sqlite(String url, boolean immediate) {
        SQLiteDataSource ds = sqliteCreating(url, immediate);
        ds.getConfig().resetOpenMode(SQLiteOpenMode.CREATE);
        return ds;
    }

    /** {@link #sqlite}, allowed to create the file: for the start-up probe of a new data directory only. */
    static SQLiteDataSource sqliteCreating(String url, boolean immediate) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: every commit is on the device (the WAL fsync'ed) before it is acknowledged. NORMAL only syncs at
        // checkpoints and lost 500+ acknowledged memberships to a simulated power cut (PowerCutIT); group commit
        // shares one fsync among all the writes of a group, so FULL costs little (BENCHMARKS.md).
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        // A redacted message's content must not survive in the file (D75): SQLite then zeroes every cell and page it
        // frees. "FAST" would skip freed overflow pages, where a 4 KB message lives.
        cfg.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        cfg.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        if (immediate) {
            // Belfry begins transactions itself with BEGIN IMMEDIATE; this covers any code that uses
            // setAutoCommit(false).
            cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl(url);
        return ds;
    }

    /**
     * SQLite writers: one connection. SQLite runs one writer at a time anyway, so writers of this
     * process queue in the pool (cheap) rather than on the file lock (sleep-and-retry).
     */
    static HikariDataSource sqliteWriters(String url, StoreConfig config) {
        HikariConfig hc = base("belfry-sqlite-write", config);
        hc.setDataSource(new StatementCachingDataSource(sqlite(url, true)));
        hc.setMaximumPoolSize(1);
        hc.setConnectionTimeout(Math.max(30_000, config.connectTimeout().toMillis()));
        hc.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0"); // WalCheckpointer does it off the request path
        return new HikariDataSource(hc);
    }

    /** SQLite readers: WAL lets them run beside the writer; query_only makes read() truly read-only. */
    static HikariDataSource sqliteReaders(String url, StoreConfig config) {
        HikariConfig hc = base("belfry-sqlite-read", config);
        hc.setDataSource(new StatementCachingDataSource(sqlite(url, false)));
        hc.setMaximumPoolSize(Math.max(1, config.poolSize()));
        hc.setConnectionInitSql("PRAGMA query_only = ON");
        return new HikariDataSource(hc);
    }

    /**
     * PostgreSQL: READ COMMITTED, the database default. Writers that must not interleave (membership
     * changes of one room) serialize on the room row lock (lockRoom = SELECT … FOR UPDATE), which is
     * cheaper than SERIALIZABLE and never aborts a whole batch on an unrelated conflict.
     */
    static HikariDataSource postgres(StoreConfig config) {
        HikariConfig hc = base("belfry-postgres", config);
        hc.setJdbcUrl(config.resolvedUrl());
        hc.setDataSourceProperties(Connect.postgresProperties(config));
        hc.setMaximumPoolSize(config.poolSize());
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // The driver turns a statement run five times into a server-side prepared statement, and PostgreSQL then
        // keeps a generic plan for it if that looks no dearer than the custom ones. Planned while a table was
        // new and tiny, that generic plan read a whole room's memberships for every batch, long after the table
        // had grown (auto_explain, BENCHMARKS.md item 11). Belfry's statements are short and plan in well under a
        // millisecond, so each execution is planned for its own parameters. (PostgreSQL 12 or newer.)
        hc.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        return new HikariDataSource(hc);
    }

    private static HikariConfig base(String name, StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(name);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(config.connectTimeout().toMillis());
        hc.setAutoCommit(true); // Dialect.begin opens each transaction explicitly
        return hc;
    }

    static void closeQuietly(DataSource ds) {
        if (ds instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing on a failure path: the original error is the one to report
            }
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // ditto
        }
    }
}
