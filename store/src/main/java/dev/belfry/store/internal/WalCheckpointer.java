package dev.belfry.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own. By default the connection
 * whose COMMIT pushes the log past 1,000 pages runs that checkpoint itself, fsync of the database file included,
 * while every other writer waits behind it: under load that was several times a second, on the request path.
 * Belfry's writer connection turns auto-checkpoints off ({@link Pools#sqliteWriters}) and this thread runs a
 * PASSIVE checkpoint every {@link #PERIOD_MS} ms instead, which copies what no reader still needs without
 * blocking writers or readers (BENCHMARKS.md item 15). Other processes on the same file keep SQLite's default.
 */
final class WalCheckpointer implements AutoCloseable {
    static final long PERIOD_MS = 250;

    private final DataSource source;
    private final ScheduledExecutorService timer;

    WalCheckpointer(DataSource source) {
        this.source = source;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "belfry-sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> checkpoint("PASSIVE"), PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void checkpoint(String mode) {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(" + mode + ")");
        } catch (SQLException | RuntimeException e) {
            // busy or closing: the next run tries again; SQLite never needs a checkpoint for correctness
        }
    }

    /** Stops the thread and folds the whole log into the database file, so a stopped server leaves one file. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint("TRUNCATE");
    }
}
