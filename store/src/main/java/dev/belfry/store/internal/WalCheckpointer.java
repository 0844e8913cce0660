package dev.belfry.store.internal;

import dev.belfry.store.StoreFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
    private final Path wal;
    private final long limitBytes;
    private final ScheduledExecutorService timer;
    private volatile boolean resetWanted;
    /** Redacted or deleted content may still be in the log: reset it at the next chance, however small (D75). */
    private volatile boolean scrubWanted;

    private volatile String lastReported; // the timer thread and the group-commit leader report through it
    private long wantedSince; // the timer thread's own
    private volatile long lastGroup = System.nanoTime(); // when the group-commit leader last came by

    /**
     * @param database the database file; its log is {@code <database>-wal}
     * @param limitBytes the log is reset (TRUNCATE) once it passes half of this, so it stays under it
     */
    WalCheckpointer(DataSource source, Path database, long limitBytes) {
        this.source = source;
        this.wal = database.resolveSibling(database.getFileName() + "-wal");
        this.limitBytes = limitBytes;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "belfry-sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::run, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * A PASSIVE checkpoint copies what no reader still needs, but never restarts the log: under sustained writes the
     * log grew to 1.2 GB in 45 s of four writers. Past half the limit a reset is wanted: the log must be
     * checkpointed whole and truncated (TRUNCATE). This thread cannot do that while writers keep the write lock
     * busy (SQLite's busy handler never wins it back from an in-process writer), so the group-commit leader does it
     * on the writer connection, between two groups ({@link #resetIfWanted}); this thread tries too, which succeeds
     * whenever writers pause for a second.
     */
    private void run() {
        if (scrubWanted && System.nanoTime() - lastGroup > TimeUnit.SECONDS.toNanos(1)) {
            if (checkpoint("TRUNCATE") && walSize() == 0) {
                scrubWanted = false;
            }
            return;
        }
        if (!resetWanted) {
            checkpoint("PASSIVE");
            if (walSize() > threshold()) {
                resetWanted = true;
                wantedSince = System.nanoTime();
            }
        } else if (System.nanoTime() - Math.max(wantedSince, lastGroup) > TimeUnit.SECONDS.toNanos(1)) {
            // no group came by to reset the log (writers are idle): nothing stands in the way here either. Never
            // while groups still commit: this TRUNCATE would hold SQLite's checkpoint lock while it waits (up to the
            // busy timeout) for a write lock it cannot win, and every reset the leader tries meanwhile fails at once
            checkpoint("TRUNCATE");
            resetWanted = walSize() > threshold();
            wantedSince = System.nanoTime();
        }
        // else: leave the log to the writer; a second checkpointer makes its TRUNCATE fail at once (SQLITE_BUSY)
    }

    /**
     * Called by the group-commit leader after a commit, on the writer connection outside any transaction: holding
     * the only writer, TRUNCATE waits just for the readers (milliseconds) and leaves an empty log. Writers queue
     * meanwhile, for about as long as it takes to copy what PASSIVE has not yet copied.
     *
     * <p>Between half and three quarters of the limit one attempt per group is enough. Past three quarters the
     * leader keeps trying and so holds every writer back until the log is reset: that back-pressure is what bounds
     * the log. Without it a CI run with a second build on the same two CPUs saw 27 MB under an 8 MB limit, because
     * starved readers kept their snapshots open across each attempt and SQLite answers such an attempt with
     * busy=1 rather than an error. A reader that holds its snapshot longer than {@link #HOLD_MS} (another process
     * on the file, say) lets writes through again rather than stall the server; the log then says so, once.
     */
    void resetIfWanted(Connection writer) {
        lastGroup = System.nanoTime();
        if (scrubWanted) {
            // one attempt per group: the log is small, and the timer thread tries again once writers pause
            if (truncate(writer)) {
                scrubWanted = false;
            }
        }
        if (!resetWanted && walSize() <= threshold()) { // a stat per group: microseconds
            return;
        }
        long start = System.nanoTime();
        while (true) {
            boolean reset = truncate(writer);
            long size = walSize();
            resetWanted = size > threshold();
            if (reset || size <= hardThreshold()) {
                return;
            }
            if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(HOLD_MS)) {
                reportOnce(new SQLException("a reader has kept the log in use for " + HOLD_MS
                        + " ms; writes go on and the log may pass its limit until that reader finishes"));
                return;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Asks for the log to be reset (TRUNCATE) soon even though it is small: frames in it may hold the old copy of a
     * page whose content was since redacted or deleted (secure_delete only overwrites the database file's copy).
     */
    void scrubSoon() {
        scrubWanted = true;
    }

    /** How long writes are held back, at most, waiting for readers to let the log be reset. */
    static final long HOLD_MS = 10_000;

    /** One TRUNCATE checkpoint on the writer; true when it reset the log (the pragma's first column is "busy"). */
    private static boolean truncate(Connection writer) {
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            return rs.next() && rs.getInt(1) == 0;
        } catch (SQLException e) {
            return false; // a reader outlived the busy timeout: try again
        }
    }

    /** Past this the group-commit leader holds writers back until the log is reset. */
    private long hardThreshold() {
        return limitBytes / 4 * 3;
    }

    /** Half the limit: what the log may grow by before a reset succeeds (a reader may hold it up) stays under it. */
    private long threshold() {
        return limitBytes / 2;
    }

    private long walSize() {
        try {
            return Files.size(wal);
        } catch (IOException e) {
            return 0; // no log yet, or it was just truncated
        }
    }

    /** One checkpoint on a connection of its own; true when SQLite reported it complete (not busy). */
    private boolean checkpoint(String mode) {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() && rs.getInt(1) == 0;
        } catch (SQLException | RuntimeException e) {
            // busy or closing: the next run tries again; SQLite never needs a checkpoint for correctness. Anything
            // else (a read-only directory, a full disk, I/O errors) means the log cannot shrink: say so, once.
            if (SqlFailures.classify(Dialect.SQLITE, e) != StoreFailure.CONFLICT) {
                reportOnce(e);
            }
            return false;
        }
    }

    private void reportOnce(Exception e) {
        String message = Connect.oneLine(e.getMessage());
        if (!message.equals(lastReported)) {
            lastReported = message;
            System.err.println("belfry: checkpoints of " + wal + " fail, so the log cannot shrink: " + message);
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
